"""The library: search (its own and the site's), filters, comparison, notes kept private."""

import pytest

from tests.factories import UserFactory, steward

from .conftest import make_clause

pytestmark = pytest.mark.django_db

LIBRARY = "/contract-language/"


def titles(response) -> str:
    return response.content.decode()


def test_library_search_ranks_by_full_text_and_leaves_others_out(
    client, warrant_clause, leave_clause
):
    html = titles(client.get(LIBRARY, {"q": "judicial warrant"}))
    assert "Judicial warrant required" in html
    assert "Leave for immigration hearings" not in html


def test_site_search_finds_clauses_in_each_language(client, warrant_clause, leave_clause):
    html = client.get("/search/", {"q": "hearings"}).content.decode()
    assert "Leave for immigration hearings" in html
    assert "Judicial warrant required" not in html
    spanish = client.get("/es/search/", {"q": "orden judicial"}).content.decode()
    assert "Se requiere orden judicial" in spanish
    assert "Judicial warrant required" not in spanish


@pytest.mark.parametrize(
    "params,shown,hidden",
    [
        ({"category": "immigration-leave"}, "Leave for immigration hearings", "Judicial warrant"),
        ({"strength": "strong"}, "Judicial warrant", "Leave for immigration hearings"),
        (
            {"strength": "minimal", "category": "immigration-leave"},
            "Leave for immigration hearings",
            "Judicial warrant",
        ),
        ({"lang": "es"}, "Se requiere orden judicial", "Judicial warrant required"),
        (
            {"q": "leave", "category": "immigration-leave"},
            "Leave for immigration hearings",
            "Judicial warrant required",
        ),
        (
            {"q": "warrant", "category": "immigration-leave"},
            "No clause matched",
            "Judicial warrant required",
        ),
        (
            {"q": "employer", "strength": "strong"},
            "Judicial warrant required",
            "Leave for immigration hearings",
        ),
    ],
)
def test_filters_narrow_the_list(client, warrant_clause, leave_clause, params, shown, hidden):
    html = titles(client.get(LIBRARY, params))
    assert shown in html
    assert hidden not in html


def test_unknown_filters_are_ignored_not_an_error(client, warrant_clause):
    response = client.get(LIBRARY, {"strength": "<script>", "lang": "xx", "category": "nope"})
    assert response.status_code == 200
    assert "No clauses match these filters." in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_spanish_library_lists_spanish_clauses_with_spanish_interface(client, warrant_clause):
    response = client.get("/es/lenguaje-de-contrato/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Se requiere orden judicial" in html
    assert "Buscar en las cláusulas" in html
    assert "Operativos de inmigración en el lugar de trabajo" in html  # category in Spanish


def test_two_clauses_side_by_side(client, warrant_clause, leave_clause):
    response = client.get(f"{LIBRARY}compare/", {"c": [warrant_clause.pk, leave_clause.pk]})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="compare__column') == 2
    assert html.index("Judicial warrant required") < html.index("Leave for immigration hearings")
    assert '<mark class="slot">Days of leave</mark> days of leave.' in html
    assert "Optional, included unless switched off: Paid waiting time" in html


@pytest.mark.parametrize("ids", [[], ["1"], ["a", "b"], ["999999", "999998"], "same"])
def test_comparing_anything_but_two_clauses_says_so(client, warrant_clause, ids):
    if ids == "same":
        ids = [warrant_clause.pk, warrant_clause.pk]
    response = client.get(f"{LIBRARY}compare/", {"c": ids})
    assert response.status_code == 400
    assert "message--error" in response.content.decode()


def test_bargaining_notes_are_for_stewards_only_and_never_searchable(client, warrant_clause):
    note = "Fallback position"
    assert note not in client.get(warrant_clause.url).content.decode()
    client.force_login(UserFactory())
    assert note not in client.get(warrant_clause.url).content.decode()
    client.force_login(steward())
    assert note in client.get(warrant_clause.url).content.decode()
    client.logout()
    assert (
        "Judicial warrant required" not in client.get(LIBRARY, {"q": "fallback"}).content.decode()
    )
    assert (
        "Judicial warrant required"
        not in client.get("/search/", {"q": "fallback"}).content.decode()
    )


def test_clause_page_shows_strength_wins_and_the_blanks(client, library):
    clause = make_clause(library, slug="won-clause", title="Won clause", strength="strong")
    clause.wins = [
        {
            "type": "win",
            "value": {
                "employer_type": "public",
                "sector": "Public hospitals",
                "year": 2024,
                "note": "",
            },
        }
    ]
    clause.save_revision().publish()
    html = client.get(clause.url).content.decode()
    assert "Strong" in html
    assert "2024" in html and "Public employer" in html and "Public hospitals" in html
    assert '<mark class="slot">Employer&#x27;s name</mark>' in html


def test_related_resolution_is_linked_in_the_clause_language(client, warrant_clause, home):
    from contracts.models import ClauseResolution
    from demo.pages import child_page, translation_of
    from resolutions.models import ResolutionIndexPage, ResolutionPage

    index = child_page(home, ResolutionIndexPage, slug="resolutions", title="Resolutions")
    translation_of(index, "es", title="Resoluciones", slug="resoluciones")
    resolution = ResolutionPage(
        slug="keep-ice-out",
        title="Keep ICE out of our workplace",
        number="R-1",
        summary="s",
        body=[{"type": "resolved", "value": "We resolve."}],
    )
    index.add_child(instance=resolution)
    resolution.save_revision().publish()
    translation_of(
        resolution, "es", title="Que ICE no entre a nuestro trabajo", slug="que-ice-no-entre"
    )
    ClauseResolution.objects.create(clause=warrant_clause, resolution=resolution)
    assert "Keep ICE out of our workplace" in client.get(warrant_clause.url).content.decode()
    from wagtail.models import Locale

    spanish = warrant_clause.get_translation(Locale.objects.get(language_code="es"))
    ClauseResolution.objects.create(clause=spanish, resolution=resolution)
    assert "Que ICE no entre a nuestro trabajo" in client.get(spanish.url).content.decode()


def test_library_offers_add_buttons_only_for_the_persons_own_proposal(
    client, proposal, local_steward, warrant_clause
):
    client.force_login(local_steward)
    html = client.get(LIBRARY, {"proposal": proposal.pk}).content.decode()
    assert 'name="action" value="add"' in html
    client.force_login(steward())
    html = client.get(LIBRARY, {"proposal": proposal.pk}).content.decode()
    assert 'name="action" value="add"' not in html
    assert proposal.title not in html


def test_spanish_clause_page_speaks_spanish(client, warrant_clause):
    from wagtail.models import Locale

    spanish = warrant_clause.get_translation(Locale.objects.get(language_code="es"))
    html = client.get(spanish.url).content.decode()
    assert spanish.url.startswith("/es/lenguaje-de-contrato/")
    assert "Se requiere orden judicial" in html
    assert "Fuerte" in html
    assert "Operativos de inmigración en el lugar de trabajo" in html
    assert "Propuesta por" in html


def test_cached_search_results_follow_publishing(client, warrant_clause):
    assert "Judicial warrant required" in client.get(LIBRARY, {"q": "warrant"}).content.decode()
    later = make_clause(
        library=warrant_clause.get_parent(), slug="warrant-2", title="Warrant copies for the union"
    )
    html = client.get(LIBRARY, {"q": "warrant"}).content.decode()
    assert "Warrant copies for the union" in html
    later.unpublish()
    html = client.get(LIBRARY, {"q": "warrant"}).content.decode()
    assert "Warrant copies for the union" not in html
    assert "Judicial warrant required" in html


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ('"unclosed', "&quot;unclosed"),
        ("!!! &&& |||", "!!! &amp;&amp;&amp; |||"),
        ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
        # Capped at the library's 200 characters, like the search box.
        ("x" * 500, "x" * 200),
    ],
)
def test_an_odd_query_that_matches_nothing_says_so_with_the_query_escaped(
    client, warrant_clause, query, shown
):
    response = client.get("/contract-language/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"No clause matched “{shown}”. Try fewer or other words." in html
    assert "x" * 201 not in html
    assert "<b>bold</b>" not in html
    assert "Judicial warrant required" not in html


def test_an_odd_query_that_matches_nothing_says_so_in_spanish(client, warrant_clause):
    html = client.get("/es/lenguaje-de-contrato/", {"q": "zzz & <i>"}).content.decode()
    assert "Ninguna cláusula coincide con «zzz &amp; &lt;i&gt;»." in html


@pytest.mark.parametrize("query", ["\x00", "warrant -ice"])
def test_a_query_of_nothing_or_with_an_exclusion_still_lists_what_it_should(
    client, warrant_clause, query
):
    # A NUL is dropped (an empty query lists the library); "-ice" excludes, "warrant" matches.
    html = client.get("/contract-language/", {"q": query}).content.decode()
    assert "Judicial warrant required" in html
    assert "No clause matched" not in html
