"""A petition's embeddable counter (`<petition>/counter/`) and the snippets its page offers,
in English and Spanish; an unlisted petition has neither."""

import html

import pytest
from django.conf import settings

from petitions.models import PetitionPage
from tests.petitions.conftest import make_petition
from tests.petitions.test_unlisted import CODE_NAME, SECRET_TITLE, spanish, unlisted_petition

pytestmark = pytest.mark.django_db


def snippet_codes(body: str) -> list[str]:
    """The iframe code in each `<pre class="petition-embed">`, as a visitor copies it."""
    out = []
    for part in body.split('<pre class="petition-embed"')[1:]:
        code = part.split("<code>", 1)[1].split("</code>", 1)[0]
        out.append(html.unescape(code))
    return out


def test_petition_page_offers_the_counter_in_english_and_spanish(client, petition):
    body = client.get(petition.url).content.decode()
    assert "Put this counter on your site" in body
    assert body.index("<h3>English</h3>") < body.index("<h3>Spanish</h3>")
    english, spanish_code = snippet_codes(body)
    site = settings.SITE_URL
    assert english == (
        f'<iframe src="{site}/petitions/water-at-the-dock/counter/" title="Water at the dock" '
        'width="320" height="180" loading="lazy" style="border:0"></iframe>'
    )
    assert f'src="{site}/es/petitions/water-at-the-dock/counter/"' in spanish_code
    assert 'title="Agua en el muelle"' in spanish_code
    assert 'width="320" height="180"' in spanish_code


def test_spanish_petition_page_offers_spanish_first_with_spanish_words(client, petition):
    body = client.get(spanish(petition).url).content.decode()
    assert "Pon este contador en tu sitio" in body
    first, second = snippet_codes(body)
    assert "/es/petitions/" in first and "/es/" not in second
    assert body.index("<h3>Español</h3>") < body.index("<h3>Inglés</h3>")


def test_counter_shows_the_count_and_goal_in_the_language_of_its_url(client, petition):
    english = client.get(petition.url + "counter/").content.decode()
    assert '<span class="counter__number" data-count>0</span>' in english
    assert "signatures, of a goal of 200" in english
    assert ">Sign</a>" in english
    assert '<html lang="en">' in english
    es = client.get(spanish(petition).url + "counter/").content.decode()
    assert "firmas, de una meta de 200" in es
    assert ">Firmar</a>" in es
    assert '<html lang="es">' in es
    assert "Agua en el muelle" in es


def test_only_the_counter_may_be_framed_by_other_sites(client, petition):
    counter = client.get(petition.url + "counter/")
    assert "frame-ancestors 'self' https:" in counter["Content-Security-Policy"]
    assert "X-Frame-Options" not in counter
    page = client.get(petition.url)
    assert "frame-ancestors 'self';" in page["Content-Security-Policy"] + ";"
    assert page["X-Frame-Options"] == "DENY"


def test_counter_is_public_and_cacheable(client, petition):
    response = client.get(petition.url + "counter/")
    control = response["Cache-Control"]
    assert "public" in control and "s-maxage=3" in control
    assert not response.cookies
    assert b"csrfmiddlewaretoken" not in response.content


def test_counter_shows_the_code_name_never_the_title(client, home):
    page = make_petition(home, slug="cold-storage", title=SECRET_TITLE, code_name=CODE_NAME)
    body = client.get(page.url + "counter/").content.decode()
    assert CODE_NAME in body and "Brightwater" not in body
    codes = snippet_codes(client.get(page.url).content.decode())
    assert codes and all(f'title="{CODE_NAME}"' in code for code in codes)


def test_closed_petition_counter_says_so_and_offers_no_signing(client, petition):
    petition.status = PetitionPage.Status.CLOSED
    petition.save_revision().publish()
    body = client.get(petition.url + "counter/").content.decode()
    assert "Closed" in body and ">Sign</a>" not in body


def test_unlisted_petition_has_no_snippet_and_its_counter_is_a_404(client, home):
    _listed, page = unlisted_petition(home)
    body = client.get(page.url).content.decode()
    assert CODE_NAME in body or SECRET_TITLE in body
    assert "Put this counter on your site" not in body
    assert "counter/" not in body
    for url in (page.url + "counter/", spanish(page).url + "counter/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert CODE_NAME.encode() not in response.content


def test_publishing_purges_the_counter(
    client, settings, petition, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = True
    url = petition.url + "counter/"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    petition.title = "Cold water at the dock"
    with django_capture_on_commit_callbacks(execute=True):
        petition.save_revision().publish()
    fresh = client.get(url)
    assert "X-Page-Cache" not in fresh
    assert "Cold water at the dock" in fresh.content.decode()
