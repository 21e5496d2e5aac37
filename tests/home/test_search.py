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
def test_an_overlong_or_odd_query_is_answered_not_crashed(client, home):
    for query in ["x" * 5000, "\x00", "' OR 1=1 --", "&&&", "   "]:
        assert client.get("/search/", {"q": query}).status_code == 200
