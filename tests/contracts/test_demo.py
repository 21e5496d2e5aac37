"""The demo: eight or more original clauses in English and Spanish, and demo proposals."""

import io

import pytest
from wagtail.models import Locale

from contracts import selectors
from contracts.models import BargainingProposal, ContractClausePage
from contracts.printing import proposal_pdf
from demo import contracts as contracts_demo
from demo.pages import seed_unions, seed_users
from documents.selectors import counts_for
from tests.helpers import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(home):
    seed_users(seed_unions())
    contracts_demo.seed(home=home, stdout=io.StringIO())
    return home


def test_demo_has_clauses_in_both_languages_across_the_categories(seeded):
    english = ContractClausePage.objects.live().filter(locale__language_code="en")
    spanish = ContractClausePage.objects.live().filter(locale__language_code="es")
    assert english.count() >= 8
    assert spanish.count() == english.count()
    assert len(set(english.values_list("category", flat=True))) >= 7
    assert set(english.values_list("strength", flat=True)) == {"strong", "standard", "minimal"}
    for page in spanish:
        assert page.get_parent().url == "/es/lenguaje-de-contrato/"
        assert (
            page.body.raw_data
            != page.get_translation(Locale.objects.get(language_code="en")).body.raw_data
        )


def test_seeding_twice_changes_nothing(seeded):
    before = (ContractClausePage.objects.count(), BargainingProposal.objects.count())
    contracts_demo.seed(home=seeded, stdout=io.StringIO())
    assert (ContractClausePage.objects.count(), BargainingProposal.objects.count()) == before


def test_demo_proposal_of_local_412_prints(seeded):
    proposal = BargainingProposal.objects.get(local__number="412")
    assert proposal.employer == "Quickline Logistics"
    assert proposal.workplace.employer == "Quickline Logistics"
    assert proposal.created_by.email == "steward@unionhall.test"
    text = pdf_text(proposal_pdf(proposal), layout=True)
    assert "Article 1. No entry for immigration agents without a judicial warrant" in text
    assert "Quickline Logistics shall not allow agents" in text
    assert "FWRU Local 412" in text
    assert "{{" not in text


def test_demo_counts_show_a_won_clause(seeded):
    clause = ContractClausePage.objects.get(number="C-601", locale__language_code="en")
    counts = counts_for([clause.translation_key], counts=selectors.Counts)[clause.translation_key]
    assert counts.proposed == 2 and counts.won == 1


def test_demo_article_went_from_proposal_through_counters_to_a_ta(seeded):
    from contracts.selectors import bargaining_table, clauses_past_review

    proposal = BargainingProposal.objects.get(local__number="412")
    rows = bargaining_table(proposal)
    first = rows[0]
    assert [v.kind for v in first.versions] == [
        "union_proposal",
        "employer_counter",
        "union_counter",
        "tentative_agreement",
    ]
    assert first.state == "ta" and all(row.state == "ours" for row in rows[1:])
    ta = first.last
    assert (ta.union_initials, ta.employer_initials) == ("R.G.", "D.K.")
    assert "within 4 hours" in ta.text and "Employees shall be paid" in ta.text
    employer = first.history()[1].diff
    assert "<ins>as soon as practicable" in employer
    assert (
        "Employees shall be paid for all time spent waiting or being questioned</del>" in employer
    )
    assert "within <del>1</del><ins>24</ins> hours" in employer
    overdue = clauses_past_review()
    assert [clause.number for clause in overdue] == ["C-202"]
    assert overdue[0].jurisdiction_label() == "Public sector under California law"
    clause = ContractClausePage.objects.get(number="C-101", locale__language_code="es")
    assert clause.jurisdiction == "private" and clause.reviewed_on is not None
