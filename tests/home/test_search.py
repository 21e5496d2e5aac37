"""Site search at /search/: live pages of the reader's language, in a few queries."""

import pytest

from demo.pages import child_page, translation_of
from home.models import StandardPage


@pytest.fixture
def pages(home):
    for n in range(12):
        page = child_page(
            home,
            StandardPage,
            slug=f"warrant-{n}",
            title=f"Judicial warrant guide {n}",
            intro="What to do when agents arrive without a judicial warrant.",
        )
        translation_of(page, "es", title=f"Guía sobre la orden judicial {n}")
    return home


@pytest.mark.django_db
def test_search_finds_pages_in_the_readers_language(client, pages):
    english = client.get("/search/?q=warrant").content.decode()
    assert "Judicial warrant guide 3" in english
    assert "Guía sobre la orden judicial" not in english
    spanish = client.get("/es/search/?q=orden").content.decode()
    assert "Guía sobre la orden judicial 3" in spanish
    assert "Judicial warrant guide" not in spanish


@pytest.mark.django_db
def test_search_does_not_run_a_query_per_result(client, pages, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):
        response = client.get("/search/?q=warrant")
    assert response.content.decode().count("Judicial warrant guide") == 12


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "shown"),
    [
        # Shortened to the search box's 200 characters.
        ("x" * 5000, "x" * 200),
        ("' OR 1=1 --", "&#x27; OR 1=1 --"),
        ("&&&", "&amp;&amp;&amp;"),
        ("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
    ],
)
def test_an_overlong_or_odd_query_is_told_nothing_matched(client, pages, query, shown):
    response = client.get("/search/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Nothing matched “{shown}”. Try fewer or other words." in html
    assert "“" + "x" * 201 not in html
    assert "<script>x" not in html
    assert "Judicial warrant guide" not in html


@pytest.mark.django_db
def test_nothing_matched_is_said_in_spanish(client, pages):
    html = client.get("/es/search/", {"q": "zzz & <i>"}).content.decode()
    assert "No encontramos nada para “zzz &amp; &lt;i&gt;”." in html


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["\x00", "   "])
def test_a_query_of_nothing_shows_the_search_box_and_no_verdict(client, pages, query):
    html = client.get("/search/", {"q": query}).content.decode()
    assert 'id="search-q"' in html and 'value=""' in html
    assert "Nothing matched" not in html and "Judicial warrant guide" not in html
