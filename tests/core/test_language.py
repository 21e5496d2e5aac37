"""`/` answers in the visitor's language, and the language switch makes the choice stick
(core.language)."""

import pytest

pytestmark = pytest.mark.django_db

SPANISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "es-MX,es;q=0.9,en;q=0.5"}


def test_spanish_browser_opening_root_is_sent_to_the_spanish_home(client, home):
    response = client.get("/", **SPANISH_BROWSER)
    assert response.status_code == 302
    assert response["Location"] == "/es/"
    vary = {v.strip() for v in response["Vary"].split(",")}
    assert {"Accept-Language", "Cookie"} <= vary
    assert "public" not in response.get("Cache-Control", "")
    spanish = client.get(response["Location"], **SPANISH_BROWSER)
    assert spanish.status_code == 200
    assert '<html lang="es">' in spanish.content.decode()


def test_english_browser_gets_the_english_home_that_varies_on_the_language(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    vary = {v.strip() for v in response["Vary"].split(",")}
    assert {"Accept-Language", "Cookie"} <= vary
    assert "public" in response["Cache-Control"]
    assert not response.cookies


def test_browser_preferring_another_language_gets_the_default(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_choosing_english_in_the_switch_keeps_root_english_for_a_spanish_browser(client, home):
    spanish_home = client.get("/es/", **SPANISH_BROWSER).content.decode()
    # The switch links pass through the language view, with the page to go to.
    assert 'href="/language/en/?next=/"' in spanish_home
    chosen = client.get("/language/en/?next=/", **SPANISH_BROWSER)
    assert chosen.status_code == 302
    assert chosen["Location"] == "/"
    assert chosen.cookies["django_language"].value == "en"
    assert "no-store" in chosen["Cache-Control"]
    root = client.get("/", **SPANISH_BROWSER)
    assert root.status_code == 200
    assert '<html lang="en">' in root.content.decode()
    client.get("/language/es/?next=/es/")
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/es/"


def test_language_switch_never_sends_a_visitor_to_another_site(client, home):
    response = client.get("/language/es/?next=https://evil.example/")
    assert response["Location"] == "/"
    unknown = client.get("/language/xx/?next=/")
    assert unknown.cookies["django_language"].value == "en"


def test_language_cookie_does_not_change_prefixed_pages(client, home):
    client.cookies["django_language"] = "es"
    response = client.get("/es/")
    assert '<html lang="es">' in response.content.decode()
    assert "public" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
