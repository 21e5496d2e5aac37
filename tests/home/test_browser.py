"""The home page in a real browser, in English and in Spanish, on a phone and a laptop."""

import pytest

from tests.browser import PHONE, screenshot


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_home_page_in_both_languages_in_chromium(browser, live_server):
    from demo.pages import seed_pages

    seed_pages()
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    blocked = []
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith(live_server.url) else blocked.append(request.url)
        ),
    )
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Union Hall"
    assert page.get_by_text("Workplace petitions").is_visible()
    assert page.locator("html").get_attribute("lang") == "en"
    screenshot(page, "home-en-phone")

    page.get_by_role("link", name="Español").click()
    page.wait_for_url(live_server.url + "/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_text("Peticiones en el trabajo").is_visible()
    assert page.get_by_role("link", name="Saltar al contenido").count() == 1
    screenshot(page, "home-es-phone")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="English").click()
    page.wait_for_url(live_server.url + "/")
    screenshot(page, "home-en-laptop")

    # Keyboard users reach the skip link first.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"

    assert blocked == [], "the page asked another site for something"
    assert errors == [], errors
    context.close()
