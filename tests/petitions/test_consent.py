"""Consent to be contacted: off by default, and without it no email leaves Union Hall."""

import csv
import io

import pytest
from django.utils import timezone
from django.utils.translation import override

from petitions import selectors, services
from petitions.forms import SignForm
from petitions.models import DeliveryPdf, Signature
from tests.factories import steward
from tests.helpers import pdf_text
from tests.petitions.conftest import sign_data, sign_url


def tool(page, route: str, *args) -> str:
    return page.url + page.reverse_subpage(route, args=list(args)).lstrip("/")


def add(page, name, email, *, consent=False, display="full"):
    return Signature.objects.create(
        petition=page,
        name=name,
        email=email,
        name_display=display,
        status=Signature.Status.CONFIRMED,
        confirmed_at=timezone.now(),
        contact_consent=consent,
        contact_consent_at=timezone.now() if consent else None,
    )


@pytest.mark.django_db
def test_the_sign_form_offers_the_consent_box_unticked_in_english_and_spanish(client, petition):
    form = SignForm(petition=petition)
    assert form.fields["contact_consent"].required is False
    assert not form["contact_consent"].value()
    html = client.get(petition.url).content.decode()
    assert "The local may contact me about this campaign" in html
    box = (
        html.split('name="contact_consent"')[0].rsplit("<input", 1)[1]
        + html.split('name="contact_consent"')[1].split(">")[0]
    )
    assert "checked" not in box
    spanish = petition.get_translations().get().specific
    with override("es"):
        assert (
            "El local puede contactarme sobre esta campaña"
            in client.get(spanish.url).content.decode()
        )


@pytest.mark.django_db
def test_signing_records_consent_only_when_the_box_is_ticked(client, petition):
    client.post(sign_url(petition), sign_data())
    client.post(sign_url(petition), sign_data(email="ana@example.org", contact_consent="on"))
    rosa = Signature.objects.get(email="rosa@example.org")
    ana = Signature.objects.get(email="ana@example.org")
    assert (rosa.contact_consent, rosa.contact_consent_at) == (False, None)
    assert ana.contact_consent is True and ana.contact_consent_at is not None


@pytest.mark.django_db
def test_withdrawing_clears_the_consent(petition):
    signature = add(petition, "Ana Ruiz", "ana@example.org", consent=True)
    assert services.signature_withdraw(signature=signature)
    signature.refresh_from_db()
    assert (signature.contact_consent, signature.contact_consent_at) == (False, None)


@pytest.mark.django_db
def test_paper_signatures_never_carry_consent(petition):
    services.paper_signatures_add(
        petition=petition,
        entered_by=None,
        rows=[services.PaperRow(name="Paper Person", email="paper@example.org")],
        name_display="full",
    )
    assert Signature.objects.get(email="paper@example.org").contact_consent is False


@pytest.mark.django_db
def test_the_signers_csv_gives_an_email_only_with_consent_and_the_list_shows_who_ticked(
    client, petition
):
    add(petition, "Ana Ruiz", "ana@example.org", consent=True)
    add(petition, "Bo Silent", "bo@example.org")
    client.force_login(steward(petition.local))
    export = client.get(tool(petition, "signers_csv")).content.decode()
    rows = {row[0]: row for row in csv.reader(io.StringIO(export))}
    assert rows["Name"][:3] == ["Name", "Email", "May be contacted"]
    assert rows["Ana Ruiz"][1:3] == ["ana@example.org", "yes"]
    assert rows["Bo Silent"][1:3] == ["", "no"]
    assert "bo@example.org" not in export
    listing = client.get(tool(petition, "signers")).content.decode()
    assert listing.count('data-consent="yes"') == 1 and listing.count('data-consent="no"') == 1


@pytest.mark.django_db
def test_the_delivery_pdf_never_carries_an_email(
    client, petition, django_capture_on_commit_callbacks
):
    add(petition, "Ana Ruiz", "ana@example.org", consent=True)
    add(petition, "Bo Silent", "bo@example.org")
    client.force_login(steward(petition.local))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(tool(petition, "delivery"), {"language": "en"})
    text = pdf_text(bytes(DeliveryPdf.objects.get().pdf), layout=True)
    assert "Ana Ruiz" in text and "Bo Silent" in text
    assert "@" not in text


@pytest.mark.django_db
def test_email_leaving_is_blank_without_consent(petition):
    assert selectors.email_leaving(add(petition, "Bo Silent", "bo@example.org")) == ""
    assert selectors.email_leaving(add(petition, "Ana", "ana@example.org", consent=True)) == (
        "ana@example.org"
    )
