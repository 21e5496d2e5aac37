"""A proposal built on the documents engine: shared blanks, split answers, numbering."""

import pytest
from django.core.exceptions import ValidationError

from contracts.assembly import answers_for_clause, render_articles, shared_variables
from contracts.forms import ProposalAnswersForm
from contracts.models import ClauseCategory
from documents.engine import Answers, choices_in

from .conftest import make_clause
from .helpers import section, variable

pytestmark = pytest.mark.django_db


def test_the_categories_named_in_the_issue_exist_from_the_start():
    slugs = set(ClauseCategory.objects.values_list("slug", flat=True))
    assert {
        "immigration-enforcement",
        "no-match-reverification",
        "immigration-leave",
        "seniority-reinstatement",
        "name-ssn-changes",
        "know-your-rights-training",
        "non-discrimination",
    } <= slugs
    assert ClauseCategory.objects.get(slug="immigration-leave").label("es").startswith("Permiso")


def test_clause_with_an_undeclared_blank_is_refused(library):
    clause = make_clause(library, slug="ok", title="Fine clause")
    clause.body = [section("The {{ employer_name }} and {{ typo_here }} agree.")]
    with pytest.raises(ValidationError) as error:
        clause.full_clean()
    assert "typo_here" in str(error.value)


def test_a_blank_used_by_two_clauses_is_asked_once(warrant_clause, leave_clause, proposal):
    names = [v.name for v in shared_variables([warrant_clause, leave_clause])]
    assert names == ["employer_name", "notice_hours", "leave_days"]
    form = ProposalAnswersForm(proposal=proposal, clauses=[warrant_clause, leave_clause])
    value_fields = [name for name in form.fields if name.startswith("v_")]
    assert value_fields.count("v_employer_name") == 1
    # The employer blank is pre-filled from the proposal.
    assert form.fields["v_employer_name"].initial == "Quickline Logistics"
    # The warrant clause's optional part is offered under its article.
    assert [number for number, _clause, _fields in form.articles] == [1]


def test_articles_and_sections_are_numbered_across_the_proposal(warrant_clause, leave_clause):
    answers = Answers(values={"employer_name": "Quickline", "notice_hours": "3", "leave_days": "5"})
    articles = render_articles([leave_clause, warrant_clause], answers, language="en")
    assert [a.number for a in articles] == [1, 2]
    assert [b.number for b in articles[0].blocks] == ["1.1", "1.2"]
    assert [b.number for b in articles[1].blocks] == ["2.1", "2.2", "2.3"]
    assert "Quickline shall grant up to 5 days" in articles[0].blocks[0].text
    assert all("{{" not in b.text for a in articles for b in a.blocks)


def test_switching_an_optional_part_off_affects_only_its_clause(warrant_clause, leave_clause):
    optional_id = choices_in(warrant_clause.body)[0].id
    answers = Answers(
        values={"employer_name": "Quickline", "notice_hours": "3", "leave_days": "5"},
        optional={optional_id: False},
    )
    assert answers_for_clause(leave_clause, answers).optional == {}
    articles = render_articles([warrant_clause, leave_clause], answers, language="en")
    assert len(articles[0].blocks) == 2
    assert "paid while they wait" not in " ".join(b.text for b in articles[0].blocks)


def test_a_missing_answer_is_reported_by_blank_name(warrant_clause, leave_clause):
    answers = Answers(values={"employer_name": "Quickline", "notice_hours": "3"})
    with pytest.raises(ValidationError) as error:
        render_articles([warrant_clause, leave_clause], answers, language="en")
    assert "leave_days" in error.value.error_dict


def test_an_answer_cannot_smuggle_a_blank_into_the_text(library):
    clause = make_clause(
        library,
        slug="plain",
        title="Plain",
        variables=[variable("employer_name", "employer")],
    )
    answers = Answers(values={"employer_name": "{{ employer_name }}"})
    with pytest.raises(ValidationError):
        render_articles([clause], answers, language="en")
