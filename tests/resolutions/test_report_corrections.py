"""Correcting a report, presenting a tabled text again, and one meeting date in the PDF."""

import hashlib
from datetime import date

from documents.selectors import counts_for
from resolutions import selectors, services
from resolutions.models import Adaptation, AdoptionReport
from tests.factories import LocalFactory, steward
from tests.helpers import pdf_text

from .test_reports import draft, report_data


def test_correcting_the_vote_count_keeps_the_old_report_in_history(
    client, resolution, local, steward_user
):
    adaptation, _user = draft(resolution, local, steward_user)
    client.force_login(steward_user)
    client.post(adaptation.url("report"), report_data(votes_for="212", votes_against="3"))
    adaptation.refresh_from_db()
    first_sha = adaptation.adopted_pdf_sha256
    assert "212" in pdf_text(
        client.get(adaptation.url("adaptation_file", kind="adopted-pdf")).content
    )

    page = client.get(adaptation.url()).content.decode()
    assert "Correct the report" in page
    form = client.get(adaptation.url("report_correct")).content.decode()
    assert 'value="212"' in form  # the form starts from the report as it stands

    response = client.post(
        adaptation.url("report_correct"), report_data(votes_for="202", votes_against="3")
    )
    assert response.status_code == 302
    adaptation.refresh_from_db()
    old, new = AdoptionReport.objects.filter(adaptation=adaptation).order_by("created_at")
    assert (old.votes_for, new.votes_for) == (212, 202)
    assert old.superseded_by == new and old.superseded_at is not None
    assert new.superseded_at is None and adaptation.report == new
    # Each version keeps the PDF it printed and its digest.
    assert old.adopted_pdf_sha256 == first_sha != new.adopted_pdf_sha256
    assert adaptation.adopted_pdf_sha256 == new.adopted_pdf_sha256
    assert hashlib.sha256(bytes(old.adopted_pdf)).hexdigest() == first_sha

    frozen = client.get(adaptation.url("adaptation_file", kind="adopted-pdf"))
    assert hashlib.sha256(frozen.content).hexdigest() == new.adopted_pdf_sha256
    text = pdf_text(frozen.content)
    assert "202" in text and "212" not in text

    html = client.get(adaptation.url()).content.decode()
    result, history = html.split("Earlier reports")
    assert "202 for, 3 against" in result and "212" not in result
    assert "212 for, 3 against" in history and first_sha in history
    earlier = client.get(adaptation.url("report_pdf", report_pk=old.pk))
    assert hashlib.sha256(earlier.content).hexdigest() == first_sha
    assert earlier["X-Content-SHA256"] == first_sha and "212" in pdf_text(earlier.content)
    # Another local's steward can't read it.
    client.force_login(steward(LocalFactory()))
    assert client.get(adaptation.url("report_pdf", report_pk=old.pk)).status_code == 403


def test_a_corrected_report_counts_only_as_corrected(client, resolution, local, steward_user):
    adaptation, user = draft(resolution, local, steward_user)
    services.adoption_report_create(
        user=user,
        adaptation=adaptation,
        outcome="adopted",
        meeting_date=date(2026, 1, 5),
        body="membership",
        visibility="public",
    )
    key = resolution.translation_key
    assert counts_for([key], counts=selectors.Counts)[key].adopted == 1
    services.adoption_report_correct(
        user=user,
        adaptation=adaptation,
        outcome="rejected",
        meeting_date=date(2026, 1, 5),
        body="membership",
        visibility="public",
    )
    adaptation.refresh_from_db()
    assert adaptation.status == Adaptation.Status.REJECTED
    assert not adaptation.adopted_pdf_sha256
    assert counts_for([key], counts=selectors.Counts)[key].adopted == 0
    assert selectors.public_adopters(resolution) == []
    assert local.display_name not in client.get(resolution.url).content.decode()


def test_a_tabled_resolution_is_presented_again_and_adopted(
    client, resolution, local, steward_user
):
    adaptation, _user = draft(resolution, local, steward_user)
    client.force_login(steward_user)
    client.post(
        adaptation.url("report"),
        report_data(outcome="tabled", meeting_date="2026-01-12", votes_for="", votes_against=""),
    )
    adaptation.refresh_from_db()
    assert adaptation.status == Adaptation.Status.TABLED
    assert "We put it before a meeting again" in client.get(adaptation.url()).content.decode()

    client.post(adaptation.url(), {"action": "present_again"})
    adaptation.refresh_from_db()
    assert adaptation.status == Adaptation.Status.PRESENTED
    assert adaptation.report is None
    assert client.get(adaptation.url("report")).status_code == 200

    response = client.post(adaptation.url("report"), report_data(meeting_date="2026-02-03"))
    assert response.status_code == 302
    adaptation.refresh_from_db()
    assert adaptation.status == Adaptation.Status.ADOPTED
    tabled, adopted = AdoptionReport.objects.filter(adaptation=adaptation).order_by("created_at")
    assert tabled.outcome == "tabled" and tabled.superseded_by == adopted
    assert adaptation.report == adopted
    key = resolution.translation_key
    assert counts_for([key], counts=selectors.Counts)[key].adopted == 1
    html = client.get(adaptation.url()).content.decode()
    assert "Earlier reports" in html and "Tabled" in html.split("Earlier reports")[1]


def test_only_a_tabled_or_referred_text_is_presented_again(client, resolution, local, steward_user):
    adaptation, _user = draft(resolution, local, steward_user)
    client.force_login(steward_user)
    client.post(adaptation.url("report"), report_data(outcome="rejected"))
    client.post(adaptation.url(), {"action": "present_again"}, follow=True)
    adaptation.refresh_from_db()
    assert adaptation.status == Adaptation.Status.REJECTED
    assert adaptation.report.outcome == "rejected"


def test_a_private_local_presented_again_stays_uncounted(resolution):
    adaptation, user = draft(resolution)
    services.adoption_report_create(
        user=user,
        adaptation=adaptation,
        outcome="referred",
        meeting_date=date(2026, 1, 5),
        body="membership",
        visibility="private",
    )
    services.adaptation_present_again(user=user, adaptation=adaptation)
    key = resolution.translation_key
    assert counts_for([key], counts=selectors.Counts)[key].adapted == 0


def test_the_adopted_pdf_states_one_meeting_date(client, resolution, local, steward_user):
    # The draft was written for a meeting planned on February 3, 2027 (the ANSWERS); the
    # vote happened on February 3, 2026.
    adaptation, _user = draft(resolution, local, steward_user)
    client.force_login(steward_user)
    client.post(adaptation.url("report"), report_data(meeting_date="2026-02-03"))
    adaptation.refresh_from_db()
    text = pdf_text(client.get(adaptation.url("adaptation_file", kind="adopted-pdf")).content)
    assert "Membership meeting, February 3, 2026." in text  # the header line
    assert "RESOLVED that this was adopted on February 3, 2026." in text  # the body
    assert "2027" not in text
