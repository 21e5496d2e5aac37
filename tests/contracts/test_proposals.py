"""Bargaining proposals: who may make and change them, and bad input that saves nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from contracts import services
from contracts.models import BargainingProposal, ProposalClause
from tests.factories import LocalFactory, UserFactory, organizer, steward

pytestmark = pytest.mark.django_db

BASE = "/contract-language/proposals/"


def url(proposal, suffix=""):
    return f"{BASE}{proposal.pk}/{suffix}"


def add(client, proposal, clause, **extra):
    return client.post(url(proposal, "clauses/"), {"action": "add", "clause": clause.pk, **extra})


def test_steward_starts_a_proposal_for_a_workplace_of_the_local(
    client, library, local, workplace, local_steward
):
    client.force_login(local_steward)
    response = client.post(
        BASE,
        {"local": local.pk, "workplace": workplace.pk, "title": "", "language": "es"},
    )
    proposal = BargainingProposal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(proposal)
    assert proposal.employer == "Quickline Logistics"
    assert proposal.title == "Proposal to Quickline Logistics"
    assert proposal.language == "es"
    assert proposal.status == BargainingProposal.Status.DRAFTED
    assert proposal.created_by == local_steward


def test_a_typed_employer_is_used_when_the_workplace_is_not_listed(
    client, library, local, local_steward
):
    client.force_login(local_steward)
    client.post(
        BASE,
        {
            "local": local.pk,
            "workplace": "other",
            "employer": "Mesa Cold Storage",
            "language": "en",
        },
    )
    assert BargainingProposal.objects.get().employer == "Mesa Cold Storage"


def test_starting_a_proposal_without_an_employer_saves_nothing(
    client, library, local, local_steward
):
    client.force_login(local_steward)
    response = client.post(BASE, {"local": local.pk, "workplace": "other", "language": "en"})
    assert response.status_code == 200
    assert "Name the employer." in response.content.decode()
    assert not BargainingProposal.objects.exists()


def test_someone_elses_local_is_not_offered_and_saves_nothing(client, library, local_steward):
    other = LocalFactory()
    client.force_login(local_steward)
    response = client.post(
        BASE, {"local": other.pk, "workplace": "other", "employer": "Anyone", "language": "en"}
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not BargainingProposal.objects.exists()


def test_the_service_refuses_a_local_the_person_does_not_act_for(local_steward):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.proposal_create(
            user=local_steward, local=LocalFactory(), title="x", language="en", employer="Y"
        )
    assert not BargainingProposal.objects.exists()


def test_people_without_a_role_get_403_and_anonymous_people_sign_in(client, library):
    response = client.get(BASE)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(BASE).status_code == 403


def test_organizer_of_the_local_may_work_on_its_proposal(client, proposal, local, warrant_clause):
    client.force_login(organizer(local))
    assert client.get(url(proposal)).status_code == 200
    add(client, proposal, warrant_clause)
    assert proposal.items.count() == 1


@pytest.mark.parametrize(
    "method,suffix,data",
    [
        ("get", "", {}),
        ("post", "", {"v_employer_name": "X"}),
        ("get", "pdf/", {}),
        ("get", "docx/", {}),
        ("post", "clauses/", {"action": "add"}),
        ("post", "status/", {"status": "proposed", "on": "2026-02-01"}),
    ],
)
def test_a_steward_of_another_local_gets_404_everywhere(
    client, proposal, warrant_clause, method, suffix, data
):
    if suffix == "clauses/":
        data = {**data, "clause": warrant_clause.pk}
    client.force_login(steward(LocalFactory()))
    response = getattr(client, method)(url(proposal, suffix), data)
    assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.items.count() == 0
    assert proposal.status == BargainingProposal.Status.DRAFTED
    assert proposal.answers == {}


def test_proposal_pages_are_never_cached(client, proposal, local_steward):
    client.force_login(local_steward)
    response = client.get(url(proposal))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_adding_clauses_numbers_them_as_articles_and_a_second_add_is_refused(
    client, proposal, local_steward, warrant_clause, leave_clause
):
    client.force_login(local_steward)
    add(client, proposal, leave_clause)
    add(client, proposal, warrant_clause)
    response = add(client, proposal, warrant_clause, next="/contract-language/?q=warrant")
    assert response["Location"] == "/contract-language/?q=warrant"
    items = list(proposal.items.order_by("position"))
    assert [(i.clause_id, i.position) for i in items] == [
        (leave_clause.pk, 1),
        (warrant_clause.pk, 2),
    ]
    page = client.get(url(proposal)).content.decode()
    assert "already in this proposal" in page


def test_an_outside_next_url_is_ignored(client, proposal, local_steward, warrant_clause):
    client.force_login(local_steward)
    response = add(client, proposal, warrant_clause, next="https://evil.example/")
    assert response["Location"] == url(proposal)


def test_an_english_clause_added_to_a_spanish_proposal_comes_in_spanish(
    client, proposal, local_steward, warrant_clause
):
    proposal.language = "es"
    proposal.save()
    client.force_login(local_steward)
    add(client, proposal, warrant_clause)
    item = proposal.items.get()
    assert item.clause.title == "Se requiere orden judicial"
    assert item.clause_key == warrant_clause.translation_key


def test_moving_and_removing_renumber_the_articles(
    client, proposal, local_steward, warrant_clause, leave_clause
):
    client.force_login(local_steward)
    add(client, proposal, warrant_clause)
    add(client, proposal, leave_clause)
    second = proposal.items.get(clause=leave_clause)
    client.post(url(proposal, "clauses/"), {"action": "up", "item": second.pk})
    assert list(proposal.items.values_list("clause_id", flat=True)) == [
        leave_clause.pk,
        warrant_clause.pk,
    ]
    client.post(url(proposal, "clauses/"), {"action": "remove", "item": second.pk})
    assert list(proposal.items.values_list("clause_id", "position")) == [(warrant_clause.pk, 1)]


def test_answers_are_saved_once_for_every_clause(
    client, proposal, local_steward, warrant_clause, leave_clause
):
    client.force_login(local_steward)
    add(client, proposal, warrant_clause)
    add(client, proposal, leave_clause)
    page = client.get(url(proposal)).content.decode()
    assert page.count('name="v_employer_name"') == 1
    response = client.post(
        url(proposal),
        {"v_employer_name": "Quickline Logistics", "v_notice_hours": "1", "v_leave_days": "12"},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.answers["values"]["leave_days"] == "12"
    preview = client.get(url(proposal)).content.decode()
    assert "Article 2. Leave for immigration hearings" in preview
    assert "Quickline Logistics shall grant up to 12 days of leave." in preview


@pytest.mark.parametrize(
    "data,message",
    [
        ({"v_employer_name": "Quickline", "v_leave_days": "a dozen"}, "as a number"),
        ({"v_employer_name": "", "v_leave_days": "3"}, "Please answer"),
        ({"v_employer_name": "{{ x }}", "v_leave_days": "3"}, "can’t contain"),
        ({"v_employer_name": "Q" * 300, "v_leave_days": "3"}, "characters or fewer"),
        ({"v_employer_name": "Q", "v_leave_days": "3", "v_ssn": "1"}, "Reload the page"),
        ({"v_employer_name": "Q", "v_leave_days": "3", "o_deadbeef": "on"}, "Reload the page"),
    ],
)
def test_bad_answers_get_a_message_and_keep_the_old_answers(
    client, proposal, local_steward, leave_clause, data, message
):
    client.force_login(local_steward)
    add(client, proposal, leave_clause)
    proposal.answers = {"values": {"employer_name": "Old", "leave_days": "2"}}
    proposal.save()
    response = client.post(url(proposal), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.answers == {"values": {"employer_name": "Old", "leave_days": "2"}}


def test_status_is_recorded_with_its_date_and_going_back_clears_later_dates(
    client, proposal, local_steward, warrant_clause
):
    client.force_login(local_steward)
    add(client, proposal, warrant_clause)
    today = timezone.localdate()
    for status, days in (("proposed", 20), ("tentative_agreement", 10), ("ratified", 2)):
        client.post(url(proposal, "status/"), {"status": status, "on": today - timedelta(days)})
    proposal.refresh_from_db()
    assert proposal.status == "ratified"
    assert proposal.ratified_on == today - timedelta(2)
    assert proposal.proposed_on == today - timedelta(20)
    client.post(url(proposal, "status/"), {"status": "proposed", "on": today - timedelta(20)})
    proposal.refresh_from_db()
    assert proposal.status == "proposed"
    assert proposal.ratified_on is None and proposal.tentative_agreement_on is None


@pytest.mark.parametrize(
    "data",
    [
        {"status": "proposed", "on": "2099-01-01"},
        {"status": "proposed", "on": "2020-01-01"},
        {"status": "drafted", "on": "2026-02-01"},
        {"status": "won-everything", "on": "2026-02-01"},
        {"status": "proposed", "on": "not a date"},
    ],
)
def test_a_bad_status_or_date_changes_nothing(
    client, proposal, local_steward, warrant_clause, data
):
    client.force_login(local_steward)
    add(client, proposal, warrant_clause)
    response = client.post(url(proposal, "status/"), data, follow=True)
    assert response.status_code == 200
    assert "message--error" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "drafted" and proposal.proposed_on is None


def test_a_ratified_proposal_keeps_its_clauses(
    client, proposal, local_steward, warrant_clause, leave_clause
):
    client.force_login(local_steward)
    add(client, proposal, warrant_clause)
    client.post(url(proposal, "status/"), {"status": "ratified", "on": timezone.localdate()})
    response = add(client, proposal, leave_clause)
    assert response.status_code == 302
    assert list(ProposalClause.objects.values_list("clause_id", flat=True)) == [warrant_clause.pk]


def test_clause_page_counts_locals_that_proposed_and_won_it(client, warrant_clause, library):
    from contracts.models import BargainingProposal as Proposal

    today = timezone.localdate()
    for status, dates in (
        ("drafted", {}),
        ("proposed", {"proposed_on": today}),
        ("ratified", {"ratified_on": today}),
        ("dropped", {"dropped_on": today}),
    ):
        proposal = Proposal.objects.create(
            local=LocalFactory(), employer="E", title="T", drafted_on=today, status=status, **dates
        )
        proposal.items.create(clause=warrant_clause, clause_key=warrant_clause.translation_key)
    from wagtail.models import Locale

    spanish = warrant_clause.get_translation(Locale.objects.get(language_code="es"))
    for page_url in (warrant_clause.url, spanish.url):
        html = client.get(page_url).content.decode()
        assert 'data-count="proposed">' in html
        proposed = html.split('data-count="proposed">')[1].split("</span>")[0]
        won = html.split('data-count="won">')[1].split("</span>")[0]
        assert "<strong>2</strong>" in proposed  # proposed + ratified; not the draft or the drop
        assert "<strong>1</strong>" in won


def test_spanish_proposal_pages_speak_spanish(client, proposal, local_steward, warrant_clause):
    client.force_login(local_steward)
    add(client, proposal, warrant_clause)
    html = client.get(f"/es/lenguaje-de-contrato/proposals/{proposal.pk}/").content.decode()
    assert "Respondan los espacios una sola vez para toda la propuesta" in html
    assert "Estado en la mesa" in html
    response = client.post(
        f"/es/lenguaje-de-contrato/proposals/{proposal.pk}/",
        {"v_employer_name": "Quickline", "v_notice_hours": "dos"},
    )
    assert "número" in response.content.decode()  # the engine's message, in Spanish
    proposal.refresh_from_db()
    assert proposal.answers == {}
