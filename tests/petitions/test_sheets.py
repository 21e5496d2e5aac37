"""Numbered paper sheets round-trip: printed with a QR code to their entry page, entered row
by row with duplicates shown before saving, saved with their sheet and row, reconciled
(issue 12, item 3)."""

import datetime

import pytest
from django.conf import settings

from petitions import services
from petitions.models import PaperSheet, Signature
from tests.factories import LocalFactory, steward
from tests.helpers import page_count, pdf_text, qr_decode_pdf
from tests.petitions.conftest import make_petition
from tests.petitions.test_organizer import add, tool


@pytest.fixture
def petition(home, settings):
    settings.SITE_URL = "https://hall.example.org"
    return make_petition(home, departments="Dietary | Dietética\nInbound | Recepción")


@pytest.fixture
def own(petition):
    return steward(petition.local)


def print_sheets(client, page, count=2, language="en", paper="letter"):
    return client.post(
        tool(page, "sheets_print"), {"count": count, "language": language, "paper": paper}
    )


def rows_data(rows, collected_by="Dolores Aguilar", collected_on="2026-11-30", **extra):
    data = {"collected_by": collected_by, "collected_on": collected_on, **extra}
    for n, (name, email, department, display) in rows.items():
        data.update(
            {
                f"name_{n}": name,
                f"email_{n}": email,
                f"department_{n}": department,
                f"display_{n}": display,
            }
        )
    return data


def enter(client, page, number, rows, **extra):
    return client.post(tool(page, "sheet", number), rows_data(rows, **extra))


def check_and_save(client, page, number, rows, keep):
    checked = enter(client, page, number, rows, action="check")
    previewed = checked.context["form"]["previewed"].value()
    return checked, enter(client, page, number, rows, action="save", previewed=previewed, keep=keep)


@pytest.mark.django_db
def test_printing_numbers_sheets_and_each_qr_opens_its_entry_page(client, petition, own):
    client.force_login(own)
    response = print_sheets(client, petition, count=2)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    pdf = response.content
    assert page_count(pdf) == 2
    assert list(PaperSheet.objects.values_list("number", "language", "printed_by")) == [
        (1, "en", own.pk),
        (2, "en", own.pk),
    ]
    base = settings.SITE_URL + petition.url
    assert qr_decode_pdf(pdf, page=1) == [base + "sheets/1/"]
    assert qr_decode_pdf(pdf, page=2) == [base + "sheets/2/"]
    text = pdf_text(pdf)
    assert "Sheet 1" in text and "Sheet 2" in text
    assert "Cool water at every dock door." in text
    assert "Only the stewards and organizers of" in text
    assert "My first name and initial" in text and "Email (optional)" in text
    assert "Dietary · Inbound" in text
    # The next print goes on from the last number.
    print_sheets(client, petition, count=1)
    assert PaperSheet.objects.order_by("-number").first().number == 3


@pytest.mark.django_db
def test_a_spanish_sheet_is_in_spanish_and_opens_the_spanish_entry_page(client, petition, own):
    client.force_login(own)
    pdf = print_sheets(client, petition, count=1, language="es").content
    assert page_count(pdf) == 1  # the longer Spanish labels still fit one page
    text = pdf_text(pdf)
    assert "Hoja 1" in text and "Agua fresca en cada puerta del muelle." in text
    assert "Dietética" in text
    (code,) = qr_decode_pdf(pdf)
    assert code.startswith(settings.SITE_URL + "/es/") and code.endswith("/sheets/1/")


@pytest.mark.django_db
def test_duplicates_are_shown_before_saving_then_saved_with_provenance(client, petition, own):
    add(petition, "Grace Okafor", "grace@example.org", department="Inbound")
    first, second = services.paper_sheets_print(
        petition=petition, count=2, language="en", printed_by=own
    )
    client.force_login(own)
    check_and_save(client, petition, 1, {1: ("Tomás Rivera", "", "Dietary", "full")}, keep=["1"])
    rows = {
        1: ("Ana Ruiz", "ana@example.org", "Dietary", "initial"),
        2: ("ana  ruiz", "", "dietary", "full"),  # row 1 again, written twice on the sheet
        3: ("Tomas Rivera", "", "Dietética", "hidden"),  # on sheet 1 already
        4: ("Someone", "GRACE@example.org", "", "hidden"),  # signed online
        5: ("Luis Pérez", "", "Inbound", "full"),
    }
    checked = enter(client, petition, 2, rows, action="check")
    assert checked.status_code == 200
    found = {row.line: row for row in checked.context["preview"]}
    assert {n: row.status for n, row in found.items()} == {
        1: "new",
        2: "batch_duplicate",
        3: "existing_duplicate",
        4: "existing_duplicate",
        5: "new",
    }
    body = checked.content.decode()
    assert "Duplicate of row 1 on this sheet" in body
    assert "Already signed on sheet 1, row 1" in body
    assert "Already signed online" in body
    assert "Nothing has been saved yet." in body
    assert Signature.objects.filter(sheet=second).count() == 0
    assert PaperSheet.objects.get(pk=second.pk).entered_at is None

    previewed = checked.context["form"]["previewed"].value()
    saved = enter(client, petition, 2, rows, action="save", previewed=previewed, keep=["1", "5"])
    assert "Sheet saved: added 2." in saved.content.decode()
    entered = list(
        Signature.objects.filter(sheet=second)
        .order_by("sheet_row")
        .values_list("sheet_row", "name", "email", "department", "name_display", "status")
    )
    assert entered == [
        (1, "Ana Ruiz", "ana@example.org", "Dietary", "initial", "confirmed"),
        (5, "Luis Pérez", None, "Inbound", "full", "confirmed"),
    ]
    sheet = PaperSheet.objects.get(pk=second.pk)
    assert sheet.collected_by == "Dolores Aguilar"
    assert sheet.collected_on == datetime.date(2026, 11, 30)
    assert sheet.entered_by == own and sheet.entered_at and sheet.returned_at
    # The sheet page now answers "where did these come from", row by row.
    page = client.get(tool(petition, "sheet", 2)).content.decode()
    assert "Entered from this sheet" in page and "Luis Pérez" in page and "Ana R." in page
    # The signers export carries sheet and row.
    export = client.get(tool(petition, "signers_csv")).content.decode()
    assert export.splitlines()[0].endswith("Sheet,Row")
    luis = [line for line in export.splitlines() if line.startswith("Luis Pérez,")]
    assert len(luis) == 1 and luis[0].endswith(",2,5")


@pytest.mark.django_db
def test_a_stale_preview_saves_nothing_and_an_entered_sheet_is_not_entered_twice(
    client, petition, own
):
    services.paper_sheets_print(petition=petition, count=1, language="en", printed_by=own)
    client.force_login(own)
    rows = {1: ("Ana Ruiz", "", "Dietary", "full")}
    stale = enter(client, petition, 1, rows, action="save", previewed="0" * 32, keep=["1"])
    assert "Nothing was saved" in stale.content.decode()
    assert Signature.objects.count() == 0
    check_and_save(client, petition, 1, rows, keep=["1"])
    again = enter(client, petition, 1, {1: ("Bo Li", "", "", "full")}, action="check")
    assert "already been entered" in again.content.decode()
    assert list(Signature.objects.values_list("name", flat=True)) == ["Ana Ruiz"]


@pytest.mark.django_db
def test_saving_a_sheet_is_all_or_nothing(client, petition, own, monkeypatch):
    (sheet,) = services.paper_sheets_print(
        petition=petition, count=1, language="en", printed_by=own
    )

    def broken_save(self, *args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(PaperSheet, "save", broken_save)
    with pytest.raises(RuntimeError):
        services.paper_sheet_enter(
            sheet=sheet,
            petition=petition,
            entered_by=own,
            collected_by="Dolores",
            collected_on=None,
            rows=[services.PaperRow(name="Ana Ruiz", line=1)],
        )
    assert Signature.objects.count() == 0  # the row written before the failure is gone


@pytest.mark.django_db
def test_reconciliation_shows_sheets_and_paper_against_online(client, petition, own):
    add(petition, "Grace Okafor", "grace@example.org")
    add(petition, "Ike Obi", "ike@example.org")
    add(petition, "Pending Person", "p@example.org", status="pending")
    services.paper_sheets_print(petition=petition, count=3, language="en", printed_by=own)
    client.force_login(own)
    check_and_save(
        client,
        petition,
        1,
        {1: ("Ana Ruiz", "", "Dietary", "full"), 2: ("Bo Li", "", "", "hidden")},
        keep=["1", "2"],
    )
    client.post(tool(petition, "sheet", 2), {"action": "returned"})
    response = client.get(tool(petition, "sheets"))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    figures = response.context["reconciliation"]
    assert (figures.printed, figures.returned, figures.entered, figures.missing) == (3, 2, 1, 1)
    assert (figures.online, figures.paper, figures.paper_on_sheets, figures.total) == (2, 2, 2, 4)
    body = response.content.decode()
    assert "3 printed, 2 returned, 1 entered, 1 not back yet." in body
    assert '<td id="count-online">2</td>' in body and '<td id="count-paper">2</td>' in body
    assert "Returned, not entered" in body and "Not back yet" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ({1: ("", "ana@example.org", "Dietary", "full")}, "Row 1 has no name."),
        ({2: ("Ana Ruiz", "not-an-email", "", "full")}, "Row 2: the email is not valid."),
        ({}, "No rows filled in: write at least one name."),
    ],
)
def test_bad_rows_get_a_clear_message(client, petition, own, rows, message):
    services.paper_sheets_print(petition=petition, count=1, language="en", printed_by=own)
    client.force_login(own)
    response = enter(client, petition, 1, rows, action="check")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Signature.objects.count() == 0


@pytest.mark.django_db
def test_bad_dates_unknown_sheets_and_wrong_languages_get_clear_messages(client, petition, own):
    services.paper_sheets_print(petition=petition, count=1, language="en", printed_by=own)
    client.force_login(own)
    rows = {1: ("Ana Ruiz", "", "", "full")}
    bad_date = enter(client, petition, 1, rows, action="check", collected_on="last tuesday")
    assert bad_date.status_code == 400
    assert "Enter the date as YYYY-MM-DD." in bad_date.content.decode()
    unknown = client.get(tool(petition, "sheet", 99))
    assert unknown.status_code == 404
    assert "There is no sheet 99 for this petition." in unknown.content.decode()
    wrong = print_sheets(client, petition, language="fr")
    assert wrong.status_code == 400 and "Choose English or Spanish." in wrong.content.decode()
    too_many = print_sheets(client, petition, count=500)
    assert too_many.status_code == 400
    assert "Print between 1 and 50 sheets at a time." in too_many.content.decode()
    assert PaperSheet.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("route", ["sheets", "sheet", "sheets_print"])
def test_sheets_are_for_the_petitions_own_local(client, petition, own, route):
    services.paper_sheets_print(petition=petition, count=1, language="en", printed_by=own)
    add(petition, "Grace Okafor", "grace@example.org")
    url = tool(petition, route, 1) if route == "sheet" else tool(petition, route)
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    client.force_login(steward(LocalFactory()))
    response = client.post(url, {"count": 1, "language": "en", "paper": "letter"})
    assert response.status_code == 403 and b"Grace" not in response.content
    assert PaperSheet.objects.count() == 1


@pytest.mark.django_db
def test_the_demo_enters_two_sheets_with_their_rows_and_is_idempotent(home):
    from demo.paper import seed_paper

    page = make_petition(home, departments="Inbound\nOutbound\nPicking\nPacking\nMaintenance")
    seed_paper(page)
    seed_paper(page)
    sheets = list(PaperSheet.objects.order_by("number"))
    assert [(s.number, s.collected_by, s.entered_at is not None) for s in sheets] == [
        (1, "Yesenia Barrientos", True),
        (2, "Kwame Ellison", True),
    ]
    assert Signature.objects.filter(sheet=sheets[0]).count() == 4
    assert list(
        Signature.objects.filter(sheet=sheets[1]).order_by("sheet_row").values_list("sheet_row")
    ) == [(1,), (2,), (4,)]
