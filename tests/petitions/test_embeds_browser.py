"""A petition's counter as another site embeds it: the snippet its page offers, pasted into a
page, in Chromium, in English and Spanish. Nothing is clipped at the suggested size."""

import datetime

import pytest
from django.test import Client

from tests.browser import screenshot
from tests.campaigns.test_embeds_browser import assert_fits, embed_in_host_page, snippets
from tests.petitions.conftest import make_petition
from tests.petitions.test_unlisted import spanish


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_petition_counter_snippets_fit_their_frames_in_english_and_spanish(
    browser, live_server, settings, home
):
    settings.SITE_URL = live_server.url
    petition = make_petition(
        home,
        title="Cool water and shade at every dock door, all summer long",
        goal=12_500,
        closes_on=datetime.date(2027, 9, 30),
    )
    es = spanish(petition)
    es.title = "Agua fresca y sombra en cada puerta del muelle durante todo el verano"
    es.save_revision().publish()

    codes = snippets(Client().get(petition.url).content.decode(), "petition-embed")
    assert set(codes) == {"en", "es"}
    expected = {
        "en": ("Sign", "signatures, of a goal of 12,500"),
        "es": ("Firmar", "firmas, de una meta de 12"),
    }
    for language, code in codes.items():
        page, frame = embed_in_host_page(browser, live_server, code)
        assert frame.evaluate("document.documentElement.lang") == language
        button, label = expected[language]
        assert frame.get_by_role("link", name=button).is_visible(), language
        assert label in frame.locator("body").inner_text(), language
        assert frame.locator("progress").is_visible()
        screenshot(page, f"petitions-counter-snippet-{language}")
        assert_fits(frame, code, language)
        page.context.close()
