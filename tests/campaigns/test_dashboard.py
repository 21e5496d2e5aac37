"""The organizer dashboard, the CSV export and the spreadsheet import."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns import imports
from campaigns.models import Endorsement
from tests.factories import AffiliationFactory, LocalFactory

from .conftest import make_endorsement

pytestmark = pytest.mark.django_db


@pytest.fixture
def uhcw(db):
    affiliation = AffiliationFactory(name="United Hospital and Care Workers", short_name="UHCW")
    for number in ("1017", "88", "5"):
        LocalFactory(affiliation=affiliation, number=number, region="California")
    return affiliation


def test_dashboard_shows_totals_chart_and_which_locals_are_in(client, day, organizer_user, uhcw):
    make_endorsement(
        day,
        organisation_name="UHCW Local 1017",
        organisation_type="union_local",
        members_represented=2000,
    )
    make_endorsement(
        day,
        organisation_name="UHCW Local 88",
        organisation_type="union_local",
        members_represented=400,
        status=Endorsement.Status.PENDING_REVIEW,
    )
    make_endorsement(
        day,
        organisation_name="Mesa Faith Circle",
        organisation_type="faith",
        members_represented=None,
    )
    client.force_login(organizer_user)
    response = client.get(reverse("campaigns:dashboard", args=[day.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-figure="approved">2<' in body
    assert 'data-figure="members">2,000<' in body
    assert "<svg" in body and "<polyline" in body
    rollup = {row["name"]: row for row in response.context["rollup"]}
    row = rollup["United Hospital and Care Workers"]
    assert row["locals_in"] == ["1017"]
    assert row["locals_pending"] == ["88"]
    assert row["locals"] == 3
    assert row["members"] == 2000
    by_affiliation = {i["label"]: i["endorsements"] for i in response.context["by_affiliation"]}
    assert by_affiliation["UHCW"] == 1
    assert "no-store" in response["Cache-Control"]


def test_export_neutralises_formulas_and_carries_contacts(client, day, organizer_user):
    make_endorsement(
        day,
        organisation_name='=HYPERLINK("http://evil.example")',
        statement="+1 solidarity",
        contact_name="@Ana",
        contact_email="ana@x.example",
        contact_consent=True,  # the export gives an email only with consent
    )
    make_endorsement(
        day,
        organisation_name="Plain Org",
        status=Endorsement.Status.PENDING_REVIEW,
        statement="-minus",
    )
    client.force_login(organizer_user)
    response = client.get(reverse("campaigns:export", args=[day.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 2
    first = next(r for r in rows if "HYPERLINK" in r["organisation"])
    assert first["organisation"].startswith("'=")
    assert first["statement"] == "'+1 solidarity"
    assert first["contact_name"] == "'@Ana"
    assert first["contact_email"] == "ana@x.example"
    response = client.get(reverse("campaigns:export", args=[day.pk]), {"status": "approved"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [r["status"] for r in rows] == ["approved"]


SHEET = """Organization,Type,Affiliation,Local,City,State,Members,Pledge,Statement,Email,Status
UHCW Local 1017,union local,,,Port Alder,CA,"2,140",job action,We walk out at noon,\
pres@1017.example,approved
Eastside Tenants Union,community,,,Port Alder,California,300,Mobilize members,,,pending
Iglesia San Juan,Grupo de fe,,,Mesa Verde,AZ,,Respaldar,,,
"""


def upload(client, day, text, name="sheet.csv"):
    return client.post(
        reverse("campaigns:import", args=[day.pk]),
        {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")},
    )


def test_import_previews_matches_and_then_imports_all_rows(client, day, organizer_user, uhcw):
    existing = make_endorsement(
        day,
        organisation_name="United Hospital and Care Workers",
        local_number="#1017",
        organisation_type="union_local",
        pledge_level="endorse",
    )
    client.force_login(organizer_user)
    response = upload(client, day, SHEET)
    assert response.status_code == 200
    preview = response.context["preview"]
    assert preview.ok, [r.errors for r in preview.rows]
    assert (preview.new_count, preview.update_count) == (2, 1)
    assert preview.rows[0].match == existing
    assert Endorsement.objects.count() == 1  # a preview writes nothing

    payload = response.context["confirm"].initial["payload"]
    response = client.post(reverse("campaigns:import", args=[day.pk]), {"payload": payload})
    assert response.status_code == 302
    assert Endorsement.objects.filter(day=day).count() == 3
    existing.refresh_from_db()
    assert existing.pledge_level == "job_action"
    assert existing.members_represented == 2140
    assert existing.statement == "We walk out at noon"
    church = Endorsement.objects.get(organisation_name="Iglesia San Juan")
    assert church.organisation_type == "faith"
    assert church.pledge_level == "endorse"
    assert church.region == "Arizona"
    assert church.status == Endorsement.Status.APPROVED
    tenants = Endorsement.objects.get(organisation_name="Eastside Tenants Union")
    assert tenants.status == Endorsement.Status.PENDING_REVIEW
    assert tenants.source == Endorsement.Source.IMPORT


def test_import_with_any_bad_row_imports_nothing_and_says_which(client, day, organizer_user):
    sheet = (
        "organisation,type,city,region,members,pledge,email\n"
        "Good Org,community,Lakeshore,Illinois,10,endorse,good@x.example\n"
        "Bad Type Org,spaceship,Lakeshore,Illinois,10,endorse,\n"
        "No City Org,community,,Illinois,ten,endorse,not-an-email\n"
        "good org,community,lakeshore,IL,5,promote,\n"
    )
    client.force_login(organizer_user)
    response = upload(client, day, sheet)
    preview = response.context["preview"]
    assert not preview.ok
    assert "confirm" not in response.context
    errors = {row.line: " ".join(row.errors) for row in preview.rows}
    assert errors[2] == ""
    assert "Row 3, column “type”, value “spaceship”" in errors[3]
    assert "Row 4, column “city”, value “”: This field is required." in errors[4]
    assert "column “members”, value “ten”" in errors[4] and "whole number" in errors[4]
    assert "column “email”, value “not-an-email”" in errors[4]
    assert "Same organisation as row 2" in errors[5]
    body = response.content.decode()
    assert "Nothing is imported while any row has an error" in body
    assert not Endorsement.objects.exists()


def test_import_refuses_a_tampered_or_foreign_payload(client, day, organizer_user):
    client.force_login(organizer_user)
    forged = imports.sign(day, "organisation,type,city,region,pledge\nX,community,A,B,endorse\n")
    response = client.post(
        reverse("campaigns:import", args=[day.pk]), {"payload": forged[:-3] + "abc"}
    )
    assert response.status_code == 302
    assert not Endorsement.objects.exists()


def test_import_rejects_files_that_are_not_a_sheet(client, day, organizer_user):
    client.force_login(organizer_user)
    response = upload(client, day, "just some words\nwith no header\n")
    assert "No “organisation” column" in response.content.decode()
    response = client.post(
        reverse("campaigns:import", args=[day.pk]),
        {"file": SimpleUploadedFile("x.csv", b"\x00\xff\xfe\x00binary", content_type="text/csv")},
    )
    assert response.status_code == 200
    assert not Endorsement.objects.exists()


def test_dashboard_numbers_follow_an_approval_at_once(
    client, day, organizer_user, django_capture_on_commit_callbacks
):
    from campaigns.services import endorsements_approve

    waiting = make_endorsement(day, status=Endorsement.Status.PENDING_REVIEW)
    client.force_login(organizer_user)
    url = reverse("campaigns:dashboard", args=[day.pk])
    assert 'data-figure="approved">0<' in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        endorsements_approve(day=day, ids=[waiting.pk], reviewer=organizer_user)
    assert 'data-figure="approved">1<' in client.get(url).content.decode()
