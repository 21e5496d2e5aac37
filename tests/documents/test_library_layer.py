"""The model-library layer serves both libraries the same way: one search and its cache, one
way to count locals, one profile prefill, one list of locals a person acts for, one review
workflow for every new library."""

import pytest
from wagtail.models import PageViewRestriction

from contracts import selectors as contract_selectors
from contracts.models import BargainingProposal, ClauseLibraryPage, ContractClausePage
from demo.contracts import seed_categories
from demo.pages import child_page
from documents.search import library_search
from documents.selectors import actable_locals, counts_for
from documents.variables import Variable, VariableType, profile_values
from resolutions import selectors as resolution_selectors
from resolutions.models import Adaptation, ResolutionIndexPage, ResolutionPage
from tests.contracts.conftest import make_clause
from tests.contracts.helpers import section
from tests.factories import LocalFactory, UserFactory, steward
from tests.resolutions.conftest import make_resolution


@pytest.fixture
def resolutions(home):
    return child_page(home, ResolutionIndexPage, slug="resolutions", title="Resolutions")


@pytest.fixture
def clauses(home):
    seed_categories()
    return child_page(home, ClauseLibraryPage, slug="contract-language", title="Contracts")


def _titles(pages) -> list[str]:
    return [page.title for page in pages]


@pytest.mark.django_db
def test_both_libraries_rank_a_title_match_above_a_body_match_and_leave_others_out(
    resolutions, clauses
):
    make_resolution(resolutions, slug="wages", title="Fair wages", number="R-2")
    make_resolution(resolutions, slug="agents", title="Immigration agents stay out")
    found = library_search(ResolutionPage.objects.live(), "immigration", limit=10)
    assert _titles(found) == ["Immigration agents stay out", "Fair wages"]

    make_clause(clauses, slug="copies", title="Copies", body=[section("A warrant is copied.")])
    make_clause(clauses, slug="warrant", title="Judicial warrant required")
    make_clause(clauses, slug="leave", title="Leave", body=[section("Paid leave.")])
    found = library_search(ContractClausePage.objects.live(), "warrant", limit=10)
    assert _titles(found) == ["Judicial warrant required", "Copies"]
    assert library_search(ContractClausePage.objects.live(), "warrant", offset=1, limit=10) == [
        found[1]
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("which", ["resolutions", "clauses"])
def test_a_lifted_view_restriction_is_not_hidden_by_a_cached_search(resolutions, clauses, which):
    if which == "resolutions":
        library, model = resolutions, ResolutionPage
        make_resolution(library, title="Immigration agents stay out")
        query = "immigration"
    else:
        library, model = clauses, ContractClausePage
        make_clause(library, slug="warrant", title="Judicial warrant required")
        query = "warrant"
    restriction = PageViewRestriction.objects.create(
        page=library, restriction_type=PageViewRestriction.LOGIN
    )
    assert library_search(model.objects.live().public(), query, limit=10) == []
    restriction.delete()
    assert len(library_search(model.objects.live().public(), query, limit=10)) == 1


@pytest.mark.django_db
def test_counts_for_counts_distinct_locals_per_figure_in_one_query_each(
    resolutions, clauses, django_assert_num_queries
):
    local = LocalFactory()
    resolution = make_resolution(resolutions)
    for label in ("March meeting", "April meeting"):  # two drafts, one local
        Adaptation.objects.create(
            resolution=resolution,
            resolution_key=resolution.translation_key,
            local=local,
            label=label,
        )
    clause = make_clause(clauses, slug="warrant", title="Judicial warrant required")
    proposal = BargainingProposal.objects.create(
        local=local,
        employer="Harbor Valley Medical Center",
        title="2028 contract",
        status=BargainingProposal.Status.RATIFIED,
        drafted_on="2028-01-02",
        proposed_on="2028-01-10",
        ratified_on="2028-03-01",
    )
    proposal.items.create(clause=clause, clause_key=clause.translation_key)

    key = resolution.translation_key
    with django_assert_num_queries(2):
        counts = counts_for([key], counts=resolution_selectors.Counts)
    assert counts == {key: resolution_selectors.Counts(adapted=1, adopted=0)}
    key = clause.translation_key
    with django_assert_num_queries(2):
        counts = counts_for([key], counts=contract_selectors.Counts)
    assert counts == {key: contract_selectors.Counts(proposed=1, won=1)}
    assert counts_for([], counts=contract_selectors.Counts) == {}


def test_profile_values_answer_the_local_and_employer_blanks_only():
    class Local:
        display_name = "UHCW Local 1017"

    variables = [
        Variable(name="local_name", type=VariableType.LOCAL),
        Variable(name="employer_name", type=VariableType.EMPLOYER),
        Variable(name="meeting_date", type=VariableType.DATE),
    ]
    assert profile_values(variables, local=Local(), employer="Harbor Valley") == {
        "local_name": "UHCW Local 1017",
        "employer_name": "Harbor Valley",
    }
    assert profile_values(variables, local=Local(), employer="") == {
        "local_name": "UHCW Local 1017"
    }
    assert profile_values(variables, local=None, employer="Harbor Valley") == {}


@pytest.mark.django_db
def test_actable_locals_are_the_persons_own_locals_with_their_workplaces():
    from django.contrib.auth.models import AnonymousUser

    mine = LocalFactory()
    LocalFactory()  # someone else's
    user = steward(mine)
    found = actable_locals(user)
    assert found == [mine]
    assert "workplaces" in found[0]._prefetched_objects_cache
    assert actable_locals(AnonymousUser()) == []
    assert actable_locals(UserFactory()) == []


@pytest.mark.django_db
def test_every_new_library_of_either_kind_gets_its_review_workflow(resolutions, clauses):
    assert resolutions.get_workflow().name == "Resolution review"
    assert clauses.get_workflow().name == "Contract language review"
