"""Organizer tools: only the petition's local, with MFA; exports safe for spreadsheets."""

import csv
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from core.exports import neutralise
from petitions.models import DeliveryPdf, Signature
from tests.factories import LocalFactory, organizer, steward
from tests.helpers import pdf_text


def tool(page, route: str, *args) -> str:
    return page.url + page.reverse_subpage(route, args=list(args)).lstrip("/")


def add(page, name, email, department="Inbound", display="full", status="confirmed"):
    return Signature.objects.create(
        petition=page,
        name=name,
        email=email,
        department=department,
        name_display=display,
        status=status,
        confirmed_at=timezone.now() if status == "confirmed" else None,
    )


@pytest.fixture
def own_steward(petition):
    return steward(petition.local)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "route", ["signers", "signers_csv", "departments_csv", "paper", "delivery"]
)
def test_another_locals_steward_gets_403(client, petition, route):
    add(petition, "Grace Okafor", "grace@example.org")
    client.force_login(steward(LocalFactory()))
    response = client.get(tool(petition, route))
    assert response.status_code == 403
    assert b"grace@example.org" not in response.content


@pytest.mark.django_db
def test_another_locals_organizer_gets_403_on_a_finished_pdf(client, petition, own_steward):
    pdf = DeliveryPdf.objects.create(
        petition=petition, state=DeliveryPdf.State.DONE, pdf=b"%PDF-1.7 secret"
    )
    client.force_login(organizer(LocalFactory()))
    assert client.get(tool(petition, "delivery_download", pdf.pk)).status_code == 403
    assert client.get(tool(petition, "delivery_status", pdf.pk)).status_code == 403
    client.force_login(own_steward)
    download = client.get(tool(petition, "delivery_download", pdf.pk))
    assert download.status_code == 200 and download.content == b"%PDF-1.7 secret"
    assert "no-store" in download["Cache-Control"]


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in_and_no_mfa_is_sent_to_set_it_up(client, petition):
    response = client.get(tool(petition, "signers"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(steward(petition.local, mfa=False))
    response = client.get(tool(petition, "signers"))
    assert response.status_code == 302 and "totp" in response["Location"]


@pytest.mark.django_db
def test_signer_list_filters_and_is_never_cached(client, petition, own_steward):
    add(petition, "Grace Okafor", "grace@example.org", department="Inbound")
    add(petition, "Luis Ramírez", "luis@example.org", department="Outbound")
    add(petition, "Pending Person", "pending@example.org", status="pending")
    client.force_login(own_steward)
    response = client.get(tool(petition, "signers"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert "grace@example.org" in body and "pending@example.org" in body
    body = client.get(tool(petition, "signers") + "?department=Outbound").content.decode()
    assert "luis@example.org" in body and "grace@example.org" not in body
    body = client.get(tool(petition, "signers") + "?status=pending").content.decode()
    assert "pending@example.org" in body and "luis@example.org" not in body
    body = client.get(tool(petition, "signers") + "?q=okafor").content.decode()
    assert "grace@example.org" in body and "luis@example.org" not in body


@pytest.mark.django_db
def test_department_counts_are_exact_in_the_view_and_suppressed_below_five_in_export(
    client, petition, own_steward
):
    for i in range(6):
        add(petition, f"Inbound Worker{i}", f"in{i}@example.org", department="Inbound")
    for i in range(2):
        add(petition, f"Night Worker{i}", f"night{i}@example.org", department="Night shift")
    client.force_login(own_steward)
    view = client.get(tool(petition, "signers")).content.decode()
    assert "<td>Night shift</td><td>2</td>" in view
    assert "<td>Inbound</td><td>6</td>" in view
    exported = client.get(tool(petition, "departments_csv"))
    assert "no-store" in exported["Cache-Control"]
    rows = list(csv.reader(io.StringIO(exported.content.decode())))
    assert ["Inbound", "6"] in rows
    assert ["Night shift", "fewer than 5"] in rows
    assert not any(row[1] == "2" for row in rows)


@pytest.mark.django_db
def test_csv_export_neutralises_spreadsheet_formulas(client, petition, own_steward):
    add(petition, '=HYPERLINK("http://evil.example","x")', "a@example.org")
    add(petition, "+1+1", "b@example.org", department="-2+3")
    add(petition, "@SUM(A1)", "c@example.org", department="\tTabbed")
    add(petition, "Plain Name", "d@example.org", department="\rReturn")
    client.force_login(own_steward)
    response = client.get(tool(petition, "signers_csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://evil.example","x")' in cells
    assert "'+1+1" in cells and "'-2+3" in cells and "'@SUM(A1)" in cells
    assert "'\tTabbed" in cells and "'\rReturn" in cells
    assert not any(cell[:1] in "=+-@\t\r" and cell for cell in cells)
    assert neutralise("Plain") == "Plain" and neutralise(None) == ""


@pytest.mark.django_db
def test_paper_signatures_record_who_entered_them_and_skip_online_duplicates(
    client, petition, own_steward
):
    add(petition, "Grace Okafor", "grace@example.org")
    client.force_login(own_steward)
    rows = (
        "Teresa Flores, teresa@example.org, Packing\n"
        "Grace Okafor, GRACE@example.org, Inbound\n"  # already signed online
        "Kofi Mensah,,Maintenance\n"
        "\n"
        "Teresa Flores, teresa@example.org, Packing\n"  # twice on the sheets
    )
    checked = client.post(tool(petition, "paper"), {"rows": rows, "name_display": "initial"})
    assert not Signature.objects.filter(source=Signature.Source.PAPER).exists()
    previewed = checked.context["form"]["previewed"].value()
    # Even with every line ticked, the database constraint skips the email duplicates.
    response = client.post(
        tool(petition, "paper"),
        {
            "rows": rows,
            "name_display": "initial",
            "previewed": previewed,
            "action": "save",
            "keep": ["1", "2", "3", "5"],
        },
    )
    assert response.status_code == 200
    assert "Added 2. Skipped 2 already signed" in response.content.decode()
    paper = Signature.objects.filter(source=Signature.Source.PAPER)
    assert sorted(paper.values_list("name", flat=True)) == ["Kofi Mensah", "Teresa Flores"]
    assert set(paper.values_list("entered_by", flat=True)) == {own_steward.pk}
    assert set(paper.values_list("status", flat=True)) == {Signature.Status.CONFIRMED}
    assert Signature.objects.filter(email="grace@example.org").count() == 1


@pytest.mark.django_db
def test_paper_form_reports_bad_lines_and_adds_nothing(client, petition, own_steward):
    client.force_login(own_steward)
    response = client.post(
        tool(petition, "paper"),
        {"rows": "Ana Ortega, not-an-email\n, nobody@example.org", "name_display": "full"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Line 1: the email is not valid." in body and "Line 2 has no name." in body
    assert not Signature.objects.exists()


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.django_db
def test_delivery_pdf_lists_names_as_each_chose_and_the_count(
    client, petition, own_steward, django_capture_on_commit_callbacks
):
    add(petition, "Grace Okafor", "grace@example.org", display="full")
    add(petition, "Luis Ramírez Torres", "luis@example.org", display="initial")
    add(petition, "Secret Person", "secret@example.org", display="hidden")
    add(petition, "Not Confirmed", "nc@example.org", status="pending")
    withdrawn = add(petition, "Gone Person", "gone@example.org")
    withdrawn.status = Signature.Status.WITHDRAWN
    withdrawn.save()
    client.force_login(own_steward)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(tool(petition, "delivery"), {"language": "en"})
    assert response.status_code == 302
    pdf = DeliveryPdf.objects.get()
    assert pdf.state == DeliveryPdf.State.DONE and pdf.progress == 100
    status = client.get(response["Location"])
    assert "Download the PDF" in status.content.decode()
    assert "no-store" in status["Cache-Control"]
    download = client.get(tool(petition, "delivery_download", pdf.pk))
    assert download["Content-Type"] == "application/pdf"
    text = pdf_text(download.content, layout=True)
    assert "Water at the dock" in text
    assert "Cool water at every dock door." in text
    assert "Signed by 3 coworkers." in text
    assert "Grace Okafor" in text and "Luis T." in text
    assert "Secret" not in text and "Not Confirmed" not in text and "Gone" not in text
    assert "1 more signed and chose not to show their name." in words(text)
    assert "@" not in text
    assert len(PdfReader(io.BytesIO(download.content)).pages) == 2


@pytest.mark.django_db
def test_count_only_delivery_pdf_lists_no_names_and_can_be_in_spanish(
    client, petition, own_steward, django_capture_on_commit_callbacks
):
    for i in range(7):
        add(petition, f"Worker Number{i}", f"w{i}@example.org", department="Inbound")
    client.force_login(own_steward)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(tool(petition, "delivery"), {"language": "es", "count_only": "on"})
    pdf = DeliveryPdf.objects.get()
    text = pdf_text(bytes(pdf.pdf), layout=True)
    assert "Agua en el muelle" in text
    assert "Worker" not in text
    assert len(PdfReader(io.BytesIO(bytes(pdf.pdf))).pages) == 1
    assert "7" in text


def test_delivery_sheets_put_three_names_to_a_line_and_clip_long_names():
    from petitions.delivery import LINES, NAME_CHARS, PER_SHEET, sheets

    names = [f"Name {i}" for i in range(PER_SHEET + 4)] + ["X" * 80]
    result = sheets(names)
    assert len(result) == 2
    first = result[0].split("\n")
    assert len(first) == LINES
    assert first[0] == "Name 0\tName 1\tName 2"
    assert result[1].split("\n")[-1].endswith("\t" + "X" * (NAME_CHARS - 1) + "…")
