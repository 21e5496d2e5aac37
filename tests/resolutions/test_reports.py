"""Reporting back: amendments, the frozen adopted PDF and its SHA-256, counts by visibility."""

import hashlib
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from documents.engine import Answers
from documents.lines import number_lines
from documents.selectors import counts_for
from resolutions import selectors, services
from resolutions.models import Adaptation, AdoptionReport
from tests.documents.helpers import ANSWERS
from tests.factories import LocalFactory, steward
from tests.helpers import pdf_text


def draft(resolution, local=None, user=None):
    local = local or LocalFactory()
    user = user or steward(local)
    answers = Answers(values=dict(ANSWERS, local_name=local.display_name))
    adaptation = services.adaptation_save(
        user=user, resolution=resolution, local=local, answers=answers
    )
    return adaptation, user


def whole_paragraph(adaptation, user, index, kind, new_text=""):
    """An amendment citing every printed line of the paragraph at `index`."""
    key = adaptation.blocks[index].key
    numbers = [n.number for n in number_lines(adaptation.blocks) if n.block_key == key]
    return services.amendment_create(
        user=user,
        adaptation=adaptation,
        kind=kind,
        first_line=numbers[0],
        last_line=numbers[-1],
        new_text=new_text,
        moved_by="",
        seconded_by="",
        committee_recommendation="none",
    )


def report_data(**overrides):
    data = {
        "outcome": "adopted",
        "meeting_date": "2026-02-03",
        "body": "membership",
        "votes_for": "212",
        "votes_against": "3",
        "abstentions": "",
        "visibility": "public",
        "paper": "letter",
    }
    data.update(overrides)
    return data


def test_report_with_floor_amendment_freezes_the_adopted_pdf(
    client, resolution, local, steward_user
):
    adaptation, _user = draft(resolution, local, steward_user)
    client.force_login(steward_user)
    replaced = whole_paragraph(
        adaptation,
        steward_user,
        1,
        "replace",
        "WHEREAS no worker, documented or not, should face agents at work;",
    )
    deleted = whole_paragraph(adaptation, steward_user, 2, "delete")
    data = report_data(
        **{f"amendment_{replaced.pk}": "adopted", f"amendment_{deleted.pk}": "adopted"}
    )
    response = client.post(adaptation.url("report"), data)
    assert response.status_code == 302
    adaptation.refresh_from_db()
    report = adaptation.report
    assert report.outcome == AdoptionReport.Outcome.ADOPTED_AS_AMENDED
    assert adaptation.status == Adaptation.Status.ADOPTED_AS_AMENDED
    assert [(a.kind, a.status, a.report_id) for a in adaptation.amendments.all()] == [
        ("replace", "adopted", report.pk),
        ("delete", "adopted", report.pk),
    ]
    frozen = client.get(adaptation.url("adaptation_file", kind="adopted-pdf"))
    assert hashlib.sha256(frozen.content).hexdigest() == adaptation.adopted_pdf_sha256
    assert frozen["X-Content-SHA256"] == adaptation.adopted_pdf_sha256
    text = pdf_text(frozen.content)
    assert "2. WHEREAS no worker, documented or not, should face agents at work;" in text
    clean, appendix = text.split(" Amendments The meeting adopted these amendments")
    assert "we ask" not in clean  # paragraph 3 was deleted on the floor
    assert "we ask" in appendix and "should face agents at work" in appendix
    assert "212" in text and "Adopted as amended" in text
    assert adaptation.adopted_pdf_sha256 in client.get(adaptation.url()).content.decode()


def test_a_result_is_reported_once(resolution):
    adaptation, user = draft(resolution)
    services.adoption_report_create(
        user=user,
        adaptation=adaptation,
        outcome="rejected",
        meeting_date=date(2026, 1, 5),
        body="executive_board",
        visibility="counted",
    )
    with pytest.raises(ValidationError):
        services.adoption_report_create(
            user=user,
            adaptation=adaptation,
            outcome="adopted",
            meeting_date=date(2026, 1, 6),
            body="membership",
            visibility="public",
        )
    assert AdoptionReport.objects.get().outcome == "rejected"
    assert not Adaptation.objects.get().adopted_pdf_sha256


def test_bad_report_input_saves_nothing(client, resolution, local, steward_user):
    adaptation, _user = draft(resolution, local, steward_user)
    client.force_login(steward_user)
    future = (date.today() + timedelta(days=30)).isoformat()
    response = client.post(adaptation.url("report"), report_data(meeting_date=future))
    assert "be in the future" in response.content.decode()
    response = client.post(adaptation.url("report"), report_data(votes_for="-4"))
    assert response.status_code == 200
    response = client.post(adaptation.url("report"), report_data(outcome="adopted_as_amended"))
    assert "Mark the amendments the meeting adopted" in response.content.decode()
    amendment = whole_paragraph(adaptation, steward_user, 0, "delete")
    response = client.post(adaptation.url("report"), report_data())
    assert "This field is required." in response.content.decode()
    response = client.post(
        adaptation.url("report"), report_data(**{f"amendment_{amendment.pk}": "proposed"})
    )
    assert "Mark amendment 1 adopted or rejected." in response.content.decode()
    assert AdoptionReport.objects.count() == 0
    assert Adaptation.objects.get().status == Adaptation.Status.DRAFT


def test_reporting_for_someone_elses_local_is_refused(resolution):
    adaptation, _user = draft(resolution)
    with pytest.raises(PermissionDenied):
        services.adoption_report_create(
            user=steward(LocalFactory()),
            adaptation=adaptation,
            outcome="adopted",
            meeting_date=date(2026, 1, 5),
            body="membership",
            visibility="public",
        )
    assert AdoptionReport.objects.count() == 0


def report(adaptation, user, visibility, outcome="adopted"):
    return services.adoption_report_create(
        user=user,
        adaptation=adaptation,
        outcome=outcome,
        meeting_date=date(2026, 1, 5),
        body="membership",
        visibility=visibility,
        votes_for=40,
        votes_against=2,
    )


def test_counts_and_adopters_honour_visibility(client, resolution, resolution_es):
    public, public_user = draft(resolution)
    counted, counted_user = draft(resolution)
    private, private_user = draft(resolution)
    draft(resolution)  # a draft, not yet voted on
    rejected, rejected_user = draft(resolution_es)  # same resolution, in Spanish
    report(public, public_user, "public")
    report(counted, counted_user, "counted")
    report(private, private_user, "private")
    report(rejected, rejected_user, "public", outcome="rejected")

    counts = counts_for([resolution.translation_key], counts=selectors.Counts)[
        resolution.translation_key
    ]
    assert (counts.adapted, counts.adopted) == (4, 2)
    assert [r.adaptation for r in selectors.public_adopters(resolution)] == [public]

    html = client.get(resolution.url).content.decode()
    assert public.local.display_name in html
    assert counted.local.display_name not in html
    assert private.local.display_name not in html
    assert "Adopted by <strong>2</strong> locals" in html
    assert "Adapted by <strong>4</strong> locals" in html
    spanish = client.get(resolution_es.url).content.decode()
    assert public.local.display_name in spanish


def test_model_change_shows_what_changed_and_the_steward_can_take_it(
    client, resolution, local, steward_user
):
    adaptation, _user = draft(resolution, local, steward_user)
    body = resolution.body.raw_data
    body[1]["value"] = "WHEREAS no worker should ever face immigration agents at work;"
    resolution.body = body
    resolution.save_revision().publish()

    client.force_login(steward_user)
    html = client.get(adaptation.url()).content.decode()
    assert "The model changed since you adapted it" in html
    assert "<ins>ever</ins>" in html
    client.post(adaptation.url(), {"action": "take_model"})
    adaptation.refresh_from_db()
    resolution.refresh_from_db()
    assert adaptation.revision_id == resolution.live_revision_id
    assert "should ever face" in adaptation.blocks[1].text
    assert "The model changed" not in client.get(adaptation.url()).content.decode()


def test_model_change_that_needs_new_answers_says_so(client, resolution, local, steward_user):
    adaptation, _user = draft(resolution, local, steward_user)
    resolution.variables = [
        *resolution.variables.raw_data,
        {
            "type": "variable",
            "id": "v9",
            "value": {"name": "city", "label": "City", "required": True},
        },
    ]
    body = resolution.body.raw_data
    body[1]["value"] = "WHEREAS {{ city }} is a union town;"
    resolution.body = body
    resolution.save_revision().publish()
    client.force_login(steward_user)
    html = client.get(adaptation.url()).content.decode()
    assert "Please answer “City”." in html


def test_steward_marks_the_draft_presented_and_then_reports(
    client, resolution, local, steward_user
):
    adaptation, _user = draft(resolution, local, steward_user)
    client.force_login(steward_user)
    client.post(adaptation.url(), {"action": "presented"})
    adaptation.refresh_from_db()
    assert adaptation.status == Adaptation.Status.PRESENTED
    assert client.get(adaptation.url("report")).status_code == 200
    client.force_login(steward(LocalFactory()))
    assert client.post(adaptation.url(), {"action": "presented"}).status_code == 403
