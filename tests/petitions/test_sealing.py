"""Names sealed until a threshold: every role, every surface (page, JSON, organizer pages,
CSVs, delivery PDF, paper preview), the threshold email in both languages, the window."""

import datetime
import re

import pytest
from django.utils import timezone, translation

from petitions import selectors, services
from petitions.delivery import render_delivery
from petitions.models import PetitionCount, Signature
from tests.factories import UserFactory, steward
from tests.helpers import pdf_text

from .conftest import make_petition

NAMES = ["Zelda Quarrington", "Yusuf Brightwater"]
DEPARTMENTS = "Inbound | Entrada | 40\nOutbound | Salida | 20"


def tool(page, route: str, *args) -> str:
    return page.url + page.reverse_subpage(route, args=list(args)).lstrip("/")


def add(page, name, email, *, language="en", department="Inbound"):
    return Signature.objects.create(
        petition=page,
        name=name,
        email=email,
        department=department,
        name_display="full",
        status="confirmed",
        language=language,
        confirmed_at=timezone.now() - datetime.timedelta(minutes=5),
    )


@pytest.fixture
def sealed(home):
    page = make_petition(
        home, seal_threshold=3, departments=DEPARTMENTS, departments_to_target=True
    )
    add(page, NAMES[0], "zelda@example.org")
    add(page, NAMES[1], "yusuf@example.org", language="es", department="Outbound")
    services.counts_refresh(petition_ids=[page.pk])
    return page


def surfaces(client, page) -> dict[str, bytes]:
    """Every surface that could carry a name or department, as the client sees it."""
    found = {}
    for route in ("petition", "count_json", "signers", "signers_csv", "departments_csv"):
        found[route] = client.get(tool(page, route)).content
    found["spanish page"] = client.get(page.get_translations().first().url).content
    return found


def pdf_words(page) -> str:
    with translation.override("en"):
        data, _count = render_delivery(page, count_only=False, with_departments=True)
    return pdf_text(data)


def assert_sealed(found: dict[str, bytes]) -> None:
    for surface, body in found.items():
        for name in NAMES + ["Zelda", "Yusuf"]:
            assert name.encode() not in body, (surface, name)


ROLES = ["anonymous", "signer", "steward", "superuser"]


def log_in(client, page, role):
    if role == "steward":
        client.force_login(steward(page.local))
    elif role == "superuser":
        client.force_login(UserFactory(mfa=True, is_superuser=True, is_staff=True))
    elif role == "signer":
        client.force_login(UserFactory(email="zelda@example.org"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_no_name_or_department_on_any_surface_for_any_role_while_sealed(client, sealed, role):
    log_in(client, sealed, role)
    found = surfaces(client, sealed)
    assert_sealed(found)
    assert b"Inbound" not in found["signers"] and b"Outbound" not in found["signers"]
    if role in ("steward", "superuser"):
        # Organizers see the total, and why there is nothing more.
        assert b"Names are sealed until 3 have signed; 2 so far." in found["signers"]
        assert b"2 confirmed signatures right now" in found["signers"]
        assert b"Inbound" not in found["departments_csv"]
    assert b"Names are sealed until 3 have signed; 2 so far." in found["petition"]
    assert b'"names_sealed": true' in found["count_json"]
    assert b'"count": 2' in found["count_json"]
    assert "Zelda" not in pdf_words(sealed) and "Inbound" not in pdf_words(sealed)


@pytest.mark.django_db
def test_delivery_pdf_made_through_the_view_says_names_are_sealed(
    client, sealed, django_capture_on_commit_callbacks
):
    from petitions.models import DeliveryPdf

    client.force_login(steward(sealed.local))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(tool(sealed, "delivery"), {"language": "en", "with_departments": "on"})
    text = pdf_text(bytes(DeliveryPdf.objects.latest("id").pdf))
    assert "Names are sealed until 3 have signed; 2 so far." in text
    assert "Zelda" not in text and "Yusuf" not in text and "Entrada" not in text


@pytest.mark.django_db
def test_paper_preview_does_not_echo_existing_names_while_sealed(client, sealed):
    client.force_login(steward(sealed.local))
    rows = f"{NAMES[0]},,Inbound\nNew Person,,Inbound"
    body = client.post(tool(sealed, "paper"), {"rows": rows, "name_display": "full"}).content
    assert b"Already signed" not in body
    assert b"lines are checked only against each other" in body
    # Once names are visible, the same line is recognised.
    PetitionCount.objects.filter(petition_id=sealed.pk).update(
        threshold_reached_at=timezone.now() - datetime.timedelta(hours=49)
    )
    body = client.post(tool(sealed, "paper"), {"rows": rows, "name_display": "full"}).content
    assert b"Already signed: same name and department" in body


@pytest.mark.django_db
def test_threshold_email_in_both_languages_then_names_show_after_the_window(
    client, sealed, mailoutbox, django_capture_on_commit_callbacks
):
    add(sealed, "Walter Third", "walter@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.counts_refresh(petition_ids=[sealed.pk])
    reached_at = PetitionCount.objects.get(petition_id=sealed.pk).threshold_reached_at
    assert reached_at is not None
    by_address = {m.to[0]: m for m in mailoutbox}
    assert set(by_address) == {"zelda@example.org", "yusuf@example.org", "walter@example.org"}
    english, spanish = by_address["zelda@example.org"], by_address["yusuf@example.org"]
    assert english.subject.startswith("3 signatures: names will show in 48 hours.")
    assert "Names will be shown in 48 hours" in english.body and "withdraw" in english.body
    assert spanish.subject.startswith("3 firmas: los nombres se mostrarán en 48 horas.")
    assert "Los nombres se mostrarán en 48 horas" in spanish.body
    assert "retire su firma" in spanish.body.lower()
    # A second refresh sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        services.counts_refresh(petition_ids=[sealed.pk])
    assert len(mailoutbox) == 3

    # In the window: still sealed for everyone.
    assert not selectors.names_visible(sealed, now=reached_at + datetime.timedelta(hours=47))
    assert selectors.names_visible(sealed, now=reached_at + datetime.timedelta(hours=48))
    client.force_login(steward(sealed.local))
    found = surfaces(client, sealed)
    assert_sealed(found)
    assert b"may withdraw until" in found["signers"]

    # Yusuf withdraws inside the window with the link in his email.
    withdraw_url = re.search(r"https?://\S+/withdraw/\S+/", spanish.body).group(0)
    path = withdraw_url.split("//", 1)[1].split("/", 1)[1]
    assert client.post("/" + path).status_code == 200

    # The window passes (the clock is the stored reached_at, moved back).
    PetitionCount.objects.filter(petition_id=sealed.pk).update(
        threshold_reached_at=timezone.now() - datetime.timedelta(hours=49)
    )
    services.counts_refresh(petition_ids=[sealed.pk])
    found = surfaces(client, sealed)
    for route in ("signers", "signers_csv", "petition"):
        assert NAMES[0].encode() in found[route], route
        assert NAMES[1].encode() not in found[route], route
    assert b"Inbound" in found["departments_csv"]
    words = pdf_words(sealed)
    assert NAMES[0] in words and NAMES[1] not in words
    assert "Names are sealed" not in words


@pytest.mark.django_db
def test_share_threshold_counts_a_percent_of_the_department_headcounts(home):
    page = make_petition(home, seal_share=10, departments=DEPARTMENTS)
    assert page.workplace_headcount == 60
    assert page.seal_count() == 6
    for i in range(5):
        add(page, f"Share Worker{i}", f"s{i}@example.org")
    services.counts_refresh(petition_ids=[page.pk])
    assert PetitionCount.objects.get(petition_id=page.pk).threshold_reached_at is None
    add(page, "Share Worker5", "s5@example.org")
    services.counts_refresh(petition_ids=[page.pk])
    assert PetitionCount.objects.get(petition_id=page.pk).threshold_reached_at is not None


@pytest.mark.django_db
def test_a_share_without_headcounts_is_refused_in_the_admin_and_fails_closed(home):
    from django.core.exceptions import ValidationError

    with translation.override("en"), pytest.raises(ValidationError, match="headcount on every"):
        make_petition(home, seal_share=10, departments="Inbound\nOutbound")
    page = make_petition(home, slug="no-headcounts", departments="Inbound\nOutbound")
    # Saved some other way (a headcount removed later): the seal fails closed.
    type(page).objects.filter(pk=page.pk).update(seal_share=10)
    page.refresh_from_db()
    add(page, "Closed Worker", "c@example.org")
    services.counts_refresh(petition_ids=[page.pk])
    assert not selectors.names_visible(page)


@pytest.mark.django_db
def test_a_petition_without_a_threshold_shows_names(client, home):
    page = make_petition(home)
    add(page, NAMES[0], "zelda@example.org")
    services.counts_refresh(petition_ids=[page.pk])
    assert selectors.names_visible(page)
    client.force_login(steward(page.local))
    assert NAMES[0].encode() in client.get(tool(page, "signers")).content
