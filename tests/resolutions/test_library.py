"""The library: full-text search, topic and language filters, site search, model PDF."""

from resolutions.models import ResolutionPage
from tests.helpers import pdf_text

from .conftest import make_resolution
from .helpers import pages


def test_library_searches_the_text_of_resolutions(client, library):
    make_resolution(library, slug="warrant", title="Judicial warrants only", number="R-1")
    other = make_resolution(
        library, slug="wages", title="Fair wages", number="R-2", summary="Raise the floor."
    )
    other.body = [{"type": "whereas", "id": "x", "value": "WHEREAS pay day matters;"}]
    other.variables = []
    other.save_revision().publish()
    html = client.get("/resolutions/", {"q": "immigration agents"}).content.decode()
    assert "Judicial warrants only" in html and "Fair wages" not in html
    html = client.get("/resolutions/").content.decode()
    assert "Judicial warrants only" in html and "Fair wages" in html


def test_library_filters_by_topic(client, library):
    make_resolution(library, slug="a", title="Sanctuary teams", tags=["Sanctuary"])
    make_resolution(library, slug="b", title="Police cooperation", tags=["Police"])
    html = client.get("/resolutions/", {"topic": "sanctuary"}).content.decode()
    assert "Sanctuary teams" in html and "Police cooperation" not in html


def test_library_filters_by_language(client, resolution, resolution_es):
    english = client.get("/resolutions/").content.decode()
    assert "Keep ICE out of our workplace" in english
    assert "Fuera ICE" not in english
    spanish = client.get("/resolutions/", {"lang": "es"}).content.decode()
    assert "Fuera ICE de nuestro lugar de trabajo" in spanish
    assert resolution_es.url in spanish


def test_resolutions_are_found_by_the_site_search(client, resolution):
    html = client.get("/search/", {"q": "warrant"}).content.decode()
    assert resolution.title in html


def test_unpublished_resolution_is_not_listed(client, library):
    page = make_resolution(library, slug="draft", title="Not yet")
    page.unpublish()
    assert "Not yet" not in client.get("/resolutions/").content.decode()


def test_model_pdf_shows_blanks_by_label_and_numbers(client, resolution):
    response = client.get(resolution.url + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Model resolution R-1" in text
    assert "1. WHEREAS [Local] represents the workers of [Employer];" in text
    assert "Page 1 of 1" in text and "{{" not in text
    assert pages(response.content) == 1
    a4 = client.get(resolution.url + "pdf/?paper=a4").content
    assert pages(a4) == 1 and a4 != response.content


def test_page_validation_refuses_undeclared_blanks(resolution):
    import pytest
    from django.core.exceptions import ValidationError

    page = ResolutionPage.objects.get(pk=resolution.pk)
    page.body = [{"type": "whereas", "id": "z", "value": "WHEREAS {{ nobody }} knows;"}]
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "nobody" in str(error.value)


def test_cached_search_is_forgotten_when_a_resolution_is_published(client, library):
    make_resolution(library, slug="one", title="Warrant rule one")
    assert "Warrant rule two" not in client.get("/resolutions/", {"q": "warrant"}).content.decode()
    make_resolution(library, slug="two", title="Warrant rule two")  # publishing clears it
    html = client.get("/resolutions/", {"q": "warrant"}).content.decode()
    assert "Warrant rule one" in html and "Warrant rule two" in html


def test_library_pages_through_results(client, library):
    from resolutions import selectors

    for n in range(selectors.RESULTS_MAX + 2):
        make_resolution(library, slug=f"r{n}", title=f"Resolution {n:02d}", number=f"R-{n:02d}")
    first = client.get("/resolutions/").content.decode()
    assert "Resolution 00" in first and "Resolution 21" not in first
    assert 'rel="next"' in first
    second = client.get("/resolutions/", {"page": 2}).content.decode()
    assert "Resolution 21" in second and 'rel="prev"' in second


def test_odd_queries_get_an_answer_not_an_error(client, resolution):
    for query in [
        "the",
        "it's o'reilly",
        '"unclosed',
        "warrant -ice",
        "!!! &&& |||",
        "x" * 500,
        "\x00",
    ]:
        response = client.get("/resolutions/", {"q": query})
        assert response.status_code == 200
    html = client.get("/resolutions/", {"q": '"agents immigration"'}).content.decode()
    assert resolution.title not in html  # both words are there, but not as this phrase
    html = client.get("/resolutions/", {"q": '"immigration agents" -nothing'}).content.decode()
    assert resolution.title in html


def test_resolution_page_shows_blanks_by_their_label(client, resolution):
    html = client.get(resolution.url).content.decode()
    assert '<mark class="slot">Meeting date</mark>' in html
    assert "{{" not in html.split('id="model-text"')[1]
