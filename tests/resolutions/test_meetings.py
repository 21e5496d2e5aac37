"""Meeting packets: a steward puts the local's adaptations on a meeting's agenda and prints one
PDF, a cover with the agenda and where each resolution starts, then each resolution numbered
on its own ("Resolution 2 — page 1 of 3").

Line numbers in each resolution (PrintOptions.line_numbers, another branch) restart with each
resolution because each is laid out on its own; asserting the numbers themselves belongs to
the line-numbering tests. Here the page numbering, which uses the same per-resolution layout,
is checked.
"""

import datetime
import io
import re
import subprocess

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from documents.engine import Answers
from resolutions import meeting_services, services
from resolutions.models import (
    AdoptionReport,
    Meeting,
    MeetingItem,
    ResolutionIndexPage,
    ResolutionPage,
)
from resolutions.printing import adaptation_pdf
from tests.documents.helpers import ANSWERS, FIRST, raw_body, raw_variables
from tests.factories import LocalFactory, steward
from tests.helpers import PDFTOTEXT, page_count, pdf_text

pytestmark = pytest.mark.django_db

# Long enough for the first resolution to run over several pages.
LONG_WHEREAS = (
    FIRST
    + " "
    + " ".join(
        f"The workers of {{{{ employer }}}} recorded visit number {n} by agents who showed no "
        "judicial warrant, and the union documented each one with the date, the hour and the "
        "names of the managers who let them in."
        for n in range(1, 70)
    )
)


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, words joined by single spaces (pdftotext ends each page with \\f)."""
    result = subprocess.run([PDFTOTEXT, "-", "-"], input=pdf, capture_output=True, check=True)  # noqa: S603
    pages = result.stdout.decode("utf-8").split("\f")[: page_count(pdf)]
    return [" ".join(page.split()) for page in pages]


def cover_rows(pdf: bytes) -> list[tuple[int, str, int]]:
    """(position, first words of the title, start page) of each agenda row on the cover."""
    args = [PDFTOTEXT, "-layout", "-f", "1", "-l", "1", "-", "-"]
    text = subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()  # noqa: S603
    rows = []
    for line in text.splitlines():
        match = re.match(r"^\s*(\d+)\s{2,}(\S.*?)\s{2,}(\d+)\s*$", line)
        if match:
            rows.append((int(match[1]), match[2], int(match[3])))
    return rows


def adapt(resolution, local, user, *, label=""):
    return services.adaptation_save(
        user=user,
        resolution=resolution,
        local=local,
        answers=Answers(values=dict(ANSWERS, local_name=local.display_name)),
        label=label,
    )


@pytest.fixture
def long_resolution(library):
    page = ResolutionPage(
        slug="warrant-log",
        title="Log every warrantless visit",
        number="R-7",
        summary="A record of every visit.",
        variables=raw_variables(),
        body=raw_body(first_whereas=LONG_WHEREAS),
    )
    library.add_child(instance=page)
    page.save_revision().publish()
    return ResolutionPage.objects.get(pk=page.pk)


@pytest.fixture
def meeting(local, steward_user):
    return meeting_services.meeting_create(
        user=steward_user,
        local=local,
        title="March membership meeting",
        body=AdoptionReport.Body.MEMBERSHIP,
        date=datetime.date(2027, 3, 4),
        place="Union hall, 2nd floor",
    )


@pytest.fixture
def packet(meeting, resolution, long_resolution, local, steward_user):
    """The meeting with the long resolution first, then the short one."""
    first = adapt(long_resolution, local, steward_user)
    second = adapt(resolution, local, steward_user)
    meeting_services.meeting_update_items(
        user=steward_user, meeting=meeting, adaptations=[first, second]
    )
    return meeting, first, second


def url(index, name, **kwargs):
    return index.url + index.reverse_subpage(name, kwargs=kwargs or None)


def get_packet(client, library, meeting, query=""):
    response = client.get(url(library, "meeting_packet", pk=meeting.pk) + query)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    return response.content


def test_the_packet_is_the_cover_then_each_resolution_numbered_on_its_own(
    client, library, packet, steward_user
):
    meeting, first, second = packet
    client.force_login(steward_user)
    pdf = get_packet(client, library, meeting)

    # Each resolution's own page count, measured by printing it alone.
    n1 = page_count(adaptation_pdf(first))
    n2 = page_count(adaptation_pdf(second))
    assert n1 >= 2  # so "page 1 of N" and the start of the next one are really tested
    assert page_count(pdf) == 1 + n1 + n2

    pages = page_texts(pdf)
    assert "March membership meeting" in pages[0] and "Resolution 1 —" not in pages[0]
    for n in range(1, n1 + 1):
        assert f"Resolution 1 — page {n} of {n1}" in pages[n]
    assert "Log every warrantless visit" in pages[1]
    assert f"Resolution 2 — page 1 of {n2}" in pages[1 + n1]
    assert "Keep ICE out of our workplace" in pages[1 + n1]
    # The second resolution's counters start again: nowhere does it carry the first's count.
    assert all(f"of {n1 + n2}" not in page for page in pages)
    # The meeting heads every resolution page.
    assert all("March membership meeting · March 4, 2027" in page for page in pages[1:])


def test_the_cover_lists_the_agenda_in_order_with_the_pages_each_resolution_starts_on(
    client, library, packet, steward_user
):
    meeting, first, second = packet
    client.force_login(steward_user)
    n1 = page_count(adaptation_pdf(first))
    n2 = page_count(adaptation_pdf(second))

    pdf = get_packet(client, library, meeting)
    cover = pdf_text(pdf).split("Resolution 1 —")[0]
    assert "Membership meeting · March 4, 2027 · Union hall, 2nd floor" in cover
    assert f"This packet has {1 + n1 + n2} pages, this cover included." in cover
    rows = cover_rows(pdf)
    assert [(p, t.split()[0], s) for p, t, s in rows] == [(1, "Log", 2), (2, "Keep", 2 + n1)]
    pages = page_texts(pdf)
    assert "Resolution 2 — page 1" in pages[2 + n1 - 1]

    # Moving the long one down changes the order and every start page.
    response = client.post(
        url(library, "meeting", pk=meeting.pk), {"action": "down", "adaptation": first.pk}
    )
    assert response.status_code == 302
    assert list(meeting.items.values_list("adaptation", flat=True)) == [second.pk, first.pk]
    pdf = get_packet(client, library, meeting)
    rows = cover_rows(pdf)
    assert [(p, t.split()[0], s) for p, t, s in rows] == [(1, "Keep", 2), (2, "Log", 2 + n2)]
    pages = page_texts(pdf)
    assert f"Resolution 2 — page 1 of {n1}" in pages[1 + n2]
    assert "Log every warrantless visit" in pages[1 + n2]


def test_the_packet_prints_on_a4_when_asked(client, library, packet, steward_user):
    meeting, _first, _second = packet
    client.force_login(steward_user)
    for query, size in (("", (612, 792)), ("?paper=a4", (595, 842))):
        reader = PdfReader(io.BytesIO(get_packet(client, library, meeting, query)))
        for page in reader.pages:
            box = page.mediabox
            assert (round(float(box.width)), round(float(box.height))) == size


def test_a_steward_plans_a_meeting_and_builds_its_agenda(
    client, library, resolution, local, steward_user
):
    draft = adapt(resolution, local, steward_user, label="March")
    client.force_login(steward_user)
    response = client.get(url(library, "meetings"))
    assert "no-store" in response["Cache-Control"]
    assert "Your locals have no meetings planned yet." in response.content.decode()

    response = client.post(
        url(library, "meeting_new"), {"title": "", "body": "membership", "date": "2027-03-04"}
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Meeting.objects.exists()

    response = client.post(
        url(library, "meeting_new"),
        {"title": "March meeting", "body": "steward_council", "date": "2027-03-04"},
    )
    meeting = Meeting.objects.get()
    assert response["Location"] == url(library, "meeting", pk=meeting.pk)
    assert (meeting.local, meeting.body, meeting.created_by) == (
        local,
        "steward_council",
        steward_user,
    )
    html = client.get(url(library, "meeting", pk=meeting.pk)).content.decode()
    assert "Nothing on the agenda yet" in html and "Add to the agenda" in html
    # An empty agenda has no packet yet: back to the meeting, with the reason.
    response = client.get(url(library, "meeting_packet", pk=meeting.pk), follow=True)
    assert "Put at least one resolution on the agenda first." in response.content.decode()

    client.post(url(library, "meeting", pk=meeting.pk), {"action": "add", "adaptation": draft.pk})
    assert list(meeting.items.values_list("adaptation", "position")) == [(draft.pk, 1)]
    html = client.get(url(library, "meetings")).content.decode()
    assert "March meeting" in html and local.display_name in html

    client.post(
        url(library, "meeting", pk=meeting.pk), {"action": "remove", "adaptation": draft.pk}
    )
    assert not meeting.items.exists()


def test_another_locals_meeting_is_a_404_and_is_not_listed(client, library, packet):
    meeting, _first, _second = packet
    outsider = steward(LocalFactory())
    client.force_login(outsider)
    for name in ("meeting", "meeting_packet"):
        response = client.get(url(library, name, pk=meeting.pk))
        assert response.status_code == 404
        assert b"March membership meeting" not in response.content
    response = client.post(
        url(library, "meeting", pk=meeting.pk), {"action": "remove", "adaptation": 1}
    )
    assert response.status_code == 404
    assert meeting.items.count() == 2
    html = client.get(url(library, "meetings")).content.decode()
    assert "March membership meeting" not in html


def test_only_signed_in_stewards_with_two_factor_reach_meetings(client, library, meeting, local):
    response = client.get(url(library, "meeting", pk=meeting.pk))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(steward(local, mfa=False))
    response = client.get(url(library, "meeting_packet", pk=meeting.pk))
    assert response.status_code == 302 and "/accounts/login/" not in response["Location"]
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")


def test_another_locals_adaptation_is_refused_with_a_message(
    client, library, meeting, resolution, steward_user
):
    other_local = LocalFactory(name="Far Valley Workers")
    foreign = adapt(resolution, other_local, steward(other_local), label="Theirs")
    client.force_login(steward_user)
    response = client.post(
        url(library, "meeting", pk=meeting.pk),
        {"action": "add", "adaptation": foreign.pk},
        follow=True,
    )
    html = response.content.decode()
    assert (
        f"Only {meeting.local.display_name}’s own adaptations can go in this meeting’s packet."
        in html.replace("&#x27;", "’").replace("'", "’")
    )
    assert "Theirs" not in html and "Far Valley Workers" not in html
    assert not MeetingItem.objects.exists()

    with pytest.raises(ValidationError):
        meeting_services.meeting_update_items(
            user=steward_user, meeting=meeting, adaptations=[foreign]
        )
    assert not MeetingItem.objects.exists()


def test_the_spanish_packet_and_pages_speak_spanish(
    client, library, resolution_es, meeting, local, steward_user
):
    borrador = adapt(resolution_es, local, steward_user, label="Marzo")
    meeting_services.meeting_update_items(
        user=steward_user, meeting=meeting, adaptations=[borrador]
    )
    indice = ResolutionIndexPage.objects.get(locale__language_code="es")
    client.force_login(steward_user)
    html = client.get(url(indice, "meeting", pk=meeting.pk)).content.decode()
    assert "Orden del día" in html and "Paquete en PDF (carta)" in html

    pdf = get_packet(client, indice, meeting)
    n = page_count(adaptation_pdf(borrador))
    pages = page_texts(pdf)
    assert len(pages) == 1 + n
    assert "Orden del día" in pages[0] and "Empieza en la página" in pages[0]
    assert "Asamblea de la membresía · 4 de marzo de 2027" in pages[0]
    assert "Paquete de la reunión" in pages[0]
    assert f"Resolución 1 — página 1 de {n}" in pages[1]
    assert "Fuera ICE de nuestro lugar de trabajo" in pages[0]
    assert "Fuera ICE de nuestro lugar de trabajo" in pages[1]


def test_a_resolution_is_on_the_agenda_once(meeting, resolution, local, steward_user):
    draft = adapt(resolution, local, steward_user)
    with pytest.raises(ValidationError) as refused:
        meeting_services.meeting_update_items(
            user=steward_user, meeting=meeting, adaptations=[draft, draft]
        )
    assert refused.value.messages == ["A resolution can be on the agenda only once."]
    assert not MeetingItem.objects.exists()


def test_the_resolution_page_links_a_steward_to_the_meetings(
    client, library, resolution, local, steward_user
):
    adapt(resolution, local, steward_user)
    client.force_login(steward_user)
    html = client.get(resolution.url).content.decode()
    assert f'href="{url(library, "meetings")}"' in html and "Plan a meeting packet" in html


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_stewards_ordering_one_agenda_at_once_each_leave_a_whole_agenda(
    meeting, resolution, long_resolution, local, steward_user
):
    import threading

    from django.db import connection

    first = adapt(long_resolution, local, steward_user)
    second = adapt(resolution, local, steward_user)
    orders = [[first, second], [second, first]]
    barrier = threading.Barrier(2)
    errors = []

    def order(adaptations):
        try:
            barrier.wait()
            meeting_services.meeting_update_items(
                user=steward_user, meeting=meeting, adaptations=adaptations
            )
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=order, args=(o,)) for o in orders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    agenda = list(meeting.items.order_by("position").values_list("adaptation", flat=True))
    assert agenda in ([first.pk, second.pk], [second.pk, first.pk])


def test_amendments_on_the_table_print_after_their_resolution_and_lines_restart(
    client, library, packet, steward_user
):
    from documents.lines import number_lines
    from resolutions.printing import amendment_sheet_pdf

    meeting, first, second = packet
    lines = number_lines(second.blocks)
    amendment = services.amendment_create(
        user=steward_user,
        adaptation=second,
        kind="replace",
        first_line=lines[0].number,
        last_line=lines[0].number,
        new_text="WHEREAS every one of us belongs here;",
        moved_by="Ana Flores",
        seconded_by="Kim Tran",
        committee_recommendation="adopt",
    )
    client.force_login(steward_user)
    n1 = page_count(adaptation_pdf(first))
    n2 = page_count(adaptation_pdf(second))
    sheet = page_count(amendment_sheet_pdf(second, [amendment]))

    pdf = get_packet(client, library, meeting)
    assert page_count(pdf) == 1 + n1 + n2 + sheet
    pages = page_texts(pdf)
    assert "with its amendment sheet" in pages[0]
    assert f"This packet has {1 + n1 + n2 + sheet} pages" in pages[0]
    sheet_page = pages[1 + n1 + n2]
    assert "Amendments: Keep ICE out of our workplace" in sheet_page
    assert "Ana Flores" in sheet_page and "WHEREAS every one of us belongs here;" in sheet_page
    # Each resolution's line numbers start again at 1 beside its first words.
    layout = [pdf_text(adaptation_pdf(a), layout=True) for a in (first, second)]
    for text, adaptation in zip(layout, (first, second), strict=True):
        first_words = " ".join(number_lines(adaptation.blocks)[0].text.split()[:3])
        row = next(line for line in text.splitlines() if first_words in line)
        assert row.split()[0] == "1"
    withdrawn = services.amendment_withdraw(user=steward_user, amendment=amendment)
    assert withdrawn.status == "withdrawn"
    assert page_count(get_packet(client, library, meeting)) == 1 + n1 + n2
