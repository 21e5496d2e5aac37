"""Unlisted petitions: found only through their link, under a code name outside the page,
and asked never to be indexed, in English and Spanish."""

import pytest

from petitions.models import LINK_TOKEN_LENGTH, PetitionPage
from tests.factories import UserFactory
from tests.petitions.conftest import make_petition, sign_data, sign_url

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Keep ICE out of Brightwater Foods"
CODE_NAME = "Project Lantern"


def unlisted_petition(home):
    listed = make_petition(home, slug="water-at-the-dock")
    page = make_petition(
        home,
        slug="brightwater-foods",
        title=SECRET_TITLE,
        code_name=CODE_NAME,
        unlisted=True,
    )
    return listed, PetitionPage.objects.get(pk=page.pk)


def spanish(page):
    from wagtail.models import Locale

    return PetitionPage.objects.get(
        translation_key=page.translation_key, locale=Locale.objects.get(language_code="es")
    )


def test_unlisted_slug_ends_in_a_random_token_not_made_from_the_title(home):
    _listed, page = unlisted_petition(home)
    token = page.link_token
    assert len(token) == LINK_TOKEN_LENGTH
    assert page.slug == f"project-lantern-{token}"
    # The employer's name is not in the address; the code name replaced it.
    assert "brightwater" not in page.url
    # Another petition with the same title and code name gets another token.
    twin = make_petition(
        home, slug="brightwater-foods-2", title=SECRET_TITLE, code_name=CODE_NAME, unlisted=True
    )
    assert twin.link_token != token
    assert token not in SECRET_TITLE.lower().replace(" ", "")


def test_token_is_kept_when_the_petition_is_edited_from_a_revision_without_it(home):
    _listed, page = unlisted_petition(home)
    slug, token = page.slug, page.link_token
    page.slug, page.link_token = "project-lantern", ""
    page.summary = "Edited"
    page.save_revision().publish()
    page.refresh_from_db()
    assert (page.slug, page.link_token) == (slug, token)


def test_spanish_translation_is_unlisted_with_the_same_token(home):
    _listed, page = unlisted_petition(home)
    es = spanish(page)
    assert es.is_unlisted and es.unlisted
    assert es.slug.endswith("-" + page.link_token)


def test_listing_a_petition_later_unlists_a_translation_made_before(home):
    page = make_petition(home, slug="quiet-one", title=SECRET_TITLE)
    es = spanish(page)
    assert es.slug == "quiet-one"
    page.unlisted = True
    page.save_revision().publish()
    page.refresh_from_db()
    es.refresh_from_db()
    assert es.unlisted and es.slug.endswith("-" + page.link_token)
    assert page.link_token in es.url


def test_listed_excludes_unlisted_petitions_and_their_translations(home):
    listed, page = unlisted_petition(home)
    keys = set(PetitionPage.objects.listed().values_list("translation_key", flat=True))
    assert listed.translation_key in keys
    assert page.translation_key not in keys


def test_index_in_both_languages_leaves_out_the_unlisted_petition(client, home):
    listed, page = unlisted_petition(home)
    html = client.get(listed.get_parent().url).content.decode()
    assert "Water at the dock" in html
    assert SECRET_TITLE not in html and CODE_NAME not in html and page.link_token not in html
    html_es = client.get(spanish(listed).get_parent().url).content.decode()
    assert "Agua en el muelle" in html_es
    assert page.link_token not in html_es


def test_search_leaves_out_the_unlisted_petition(client, home):
    listed, page = unlisted_petition(home)
    html = client.get("/search/", {"q": "dock"}).content.decode()
    assert "Water at the dock" in html
    html = client.get("/search/", {"q": "Brightwater"}).content.decode()
    assert SECRET_TITLE not in html and page.link_token not in html
    html_es = client.get("/es/search/", {"q": "muelle"}).content.decode()
    assert "Agua en el muelle" in html_es
    assert page.link_token not in html_es


def test_sitemap_lists_the_listed_petition_only(client, home):
    listed, page = unlisted_petition(home)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert listed.url in xml
    assert page.link_token not in xml and "brightwater" not in xml
    assert page.get_sitemap_urls() == []


def test_count_json_shows_the_code_name_and_noindex(client, home):
    _listed, page = unlisted_petition(home)
    for url in (page.url + "count.json", page.url + "count/", spanish(page).url + "count.json"):
        for _twice in range(2):  # the second answer comes from the micro-cache
            response = client.get(url)
            assert response.status_code == 200
            assert response.json()["title"] == CODE_NAME
            assert SECRET_TITLE not in response.content.decode()
            assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_listed_petition_has_no_noindex(client, home):
    listed, _page = unlisted_petition(home)
    response = client.get(listed.url)
    assert not response.has_header("X-Robots-Tag")
    assert 'name="robots"' not in response.content.decode()
    assert client.get(listed.url + "count.json").json()["title"] == "Water at the dock"


def test_every_public_route_of_an_unlisted_petition_says_noindex(client, home):
    _listed, page = unlisted_petition(home)
    for target in (page, spanish(page)):
        for url in (target.url, target.url + "signed/"):
            response = client.get(url)
            assert response.status_code == 200
            assert response["X-Robots-Tag"] == "noindex, nofollow"
            html = response.content.decode()
            assert '<meta name="robots" content="noindex, nofollow">' in html
            assert f"<title>{CODE_NAME} · Union Hall</title>" in html
            assert f'<meta property="og:title" content="{CODE_NAME}">' in html
    response = client.post(sign_url(page), sign_data())
    assert response.status_code == 302
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    # A refused signature re-renders the page: noindex too.
    response = client.post(sign_url(page), sign_data(email="not an email"))
    assert response.status_code == 400
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_admin_shows_a_privacy_panel(client, home):
    _listed, page = unlisted_petition(home)
    client.force_login(UserFactory(mfa=True, is_superuser=True, is_staff=True))
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Privacy" in html
    assert 'name="unlisted"' in html and 'name="code_name"' in html
    assert "cannot be guessed" in html  # the help text


@pytest.mark.parametrize(
    ("language", "hidden", "addressee"),
    [
        ("en", ("Acme site manager",), "addressed to the employer"),
        ("es", ("Agua en el muelle", "Gerencia de Acme"), "dirigida a la empresa"),
    ],
)
def test_emails_call_a_coded_petition_by_its_code_name(
    client, home, mailoutbox, django_capture_on_commit_callbacks, language, hidden, addressee
):
    _listed, page = unlisted_petition(home)
    shown = page if language == "en" else spanish(page)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sign_url(shown), sign_data(language=language))
    assert response.status_code == 302
    (mail,) = mailoutbox
    html = mail.alternatives[0][0]
    for part in (mail.subject, mail.body, html):
        assert CODE_NAME in part
        assert SECRET_TITLE not in part
        for secret in hidden:
            assert secret not in part
    assert CODE_NAME in mail.subject
    assert addressee in " ".join(mail.body.split())
