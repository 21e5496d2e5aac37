"""Sharing after signing: plain links in the signer's language with the petition's own
address, the message to paste into Signal, and a QR code drawn on the page."""

import re
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import expect

from core.qr import qr_png, qr_svg
from petitions.models import PetitionPage
from tests.browser import PHONE, screenshot
from tests.helpers import qr_decode_png
from tests.petitions.conftest import make_petition

ROOT = Path(__file__).resolve().parent.parent.parent


def spanish(page):
    from wagtail.models import Locale

    return page.get_translation(Locale.objects.get(language_code="es")).specific


def links(html: str) -> dict[str, str]:
    hrefs = re.findall(r'href="((?:https://wa\.me|sms:|mailto:)[^"]+)"', html)
    return {href.split(":")[0] if "wa.me" not in href else "whatsapp": href for href in hrefs}


@pytest.mark.django_db
def test_spanish_signer_gets_spanish_text_and_the_spanish_address(client, home):
    page = make_petition(home)
    es = spanish(page)
    url = django_settings.SITE_URL + es.url
    html = client.get(es.url + "signed/").content.decode()
    message = f"Firmé “Agua en el muelle”. ¿Firma usted también? {url}"
    shared = links(html)
    assert shared["whatsapp"] == "https://wa.me/?text=" + quote(message, safe="")
    assert shared["sms"] == "sms:?&amp;body=" + quote(message, safe="")
    subject, body = unquote(shared["mailto"]).removeprefix("mailto:?subject=").split("&amp;body=")
    assert (subject, body) == ("Firme “Agua en el muelle”", message)
    assert "/es/" in url
    assert f'value="{url}" readonly' in html
    assert f">{message}</textarea>" in html  # the message to copy for Signal
    assert "Pida a un compañero de trabajo que firme" in html
    # Nothing on the page comes from another site: the only outside addresses are links.
    assert not re.search(r'(src|href)="https?://(?!wa\.me)', html.replace(url, ""))


@pytest.mark.django_db
def test_english_signer_gets_english_text(client, home):
    page = make_petition(home)
    html = client.get(page.url + "signed/").content.decode()
    url = django_settings.SITE_URL + page.url
    message = f"I signed “Water at the dock”. Will you sign too? {url}"
    assert links(html)["whatsapp"] == "https://wa.me/?text=" + quote(message, safe="")


@pytest.mark.django_db
def test_unlisted_petition_shares_its_code_name_never_its_title(client, home):
    page = make_petition(
        home, slug="brightwater", title="Brightwater Foods", code_name="Blue Kettle", unlisted=True
    )
    page = PetitionPage.objects.get(pk=page.pk)
    for target, code in ((page, "Blue Kettle"), (spanish(page), "Blue Kettle")):
        html = client.get(target.url + "signed/").content.decode()
        for href in links(html).values():
            assert quote(code, safe="") in href
            assert "Brightwater" not in unquote(href)
            assert page.link_token in unquote(href)
        assert "Brightwater" not in html.split("</head>")[0]


@pytest.mark.django_db
def test_qr_on_the_signed_page_is_the_petition_address(client, home):
    page = make_petition(home)
    es = spanish(page)
    url = django_settings.SITE_URL + es.url
    html = client.get(es.url + "signed/").content.decode()
    # The inline SVG is exactly the code for the address, and that code reads back to it.
    assert qr_svg(url, css_class="petition-share__qr") in html
    assert qr_decode_png(qr_png(url)) == [url]


def test_share_script_is_local_and_uses_the_clipboard():
    script = (ROOT / "static/js/petitions-share.js").read_text()
    assert "navigator.clipboard.writeText" in script
    assert "http" not in script


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_phone_shows_a_scannable_qr_and_copies_the_link(browser, live_server, home, settings):
    settings.SITE_URL = live_server.url
    page = make_petition(home)
    es_url = live_server.url + spanish(page).url
    context = browser.new_context(viewport=PHONE, locale="es-US", is_mobile=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    tab = context.new_page()
    blocked = []
    tab.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    tab.goto(es_url + "signed/")
    expect(
        tab.get_by_role("heading", name="Pida a un compañero de trabajo que firme")
    ).to_be_visible()
    qr = tab.locator(".petition-share__qr")
    box = qr.bounding_box()
    assert box["width"] >= 200 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert qr_decode_png(qr.screenshot()) == [es_url]
    tab.get_by_role("button", name="Copiar enlace").click()
    expect(tab.get_by_role("status")).to_have_text("Copiado.")
    assert tab.evaluate("navigator.clipboard.readText()") == es_url
    # No horizontal scrolling on a phone.
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert blocked == []
    screenshot(tab, "petition-share-phone")
    tab.screenshot(path=str(ROOT / "docs/petition-share-phone.png"), full_page=True)
    desktop = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    desktop.goto(live_server.url + page.url + "signed/")
    expect(desktop.get_by_role("link", name="WhatsApp")).to_be_visible()
    screenshot(desktop, "petition-share-desktop")
