"""The day's counter as another site embeds it: the snippet the day page offers, pasted into
a page, in Chromium, in English and Spanish. Nothing is clipped at the suggested size."""

import html
import re

import pytest
from django.test import Client

from campaigns.models import Endorsement
from tests.browser import screenshot

from .conftest import make_endorsement

# What overflows the frame's viewport: any element outside it, or a document bigger than it.
OVERFLOW = """() => {
    const w = document.documentElement.clientWidth, h = document.documentElement.clientHeight;
    const out = [];
    for (const el of document.body.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < -0.5 || r.top < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5)
            out.push(el.className + " " + JSON.stringify([r.left, r.top, r.right, r.bottom]));
    }
    const s = document.documentElement;
    if (s.scrollWidth > w || s.scrollHeight > h)
        out.push("scroll " + s.scrollWidth + "x" + s.scrollHeight);
    return {out, width: w, height: h, scrollWidth: s.scrollWidth, scrollHeight: s.scrollHeight};
}"""

HOST_PATH = "/__another-union-site__/"


def snippets(body: str, css_class: str) -> dict[str, str]:
    """{language: iframe code} from the page's `<pre class=css_class data-language=...>`."""
    found = re.findall(
        rf'<pre class="{css_class}" data-language="(\w+)"[^>]*><code>(.*?)</code></pre>', body
    )
    return {language: html.unescape(code) for language, code in found}


def size_of(code: str) -> tuple[int, int]:
    width = int(re.search(r'width="(\d+)"', code).group(1))
    height = int(re.search(r'height="(\d+)"', code).group(1))
    return width, height


def embed_in_host_page(browser, live_server, code: str):
    """A page on the live server's origin (so the counter's frame-ancestors lets it frame),
    answered by Playwright, holding only the pasted snippet. Returns (page, frame)."""
    context = browser.new_context(viewport={"width": 800, "height": 600})
    page = context.new_page()
    host = live_server.url + HOST_PATH
    page.route(
        host,
        lambda route: route.fulfill(
            content_type="text/html",
            body=f"<!DOCTYPE html><html><body style='margin:8px'>{code}</body></html>",
        ),
    )
    page.goto(host)
    frame_element = page.wait_for_selector("iframe")
    frame = frame_element.content_frame()
    frame.wait_for_load_state()
    return page, frame


def assert_fits(frame, code: str, language: str) -> None:
    width, height = size_of(code)
    fit = frame.evaluate(OVERFLOW)
    assert (fit["width"], fit["height"]) == (width, height), fit
    assert fit["scrollWidth"] <= width and fit["scrollHeight"] <= height, (language, fit)
    assert fit["out"] == [], (language, fit["out"])


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_day_counter_snippets_fit_their_frames_in_english_and_spanish(
    browser, live_server, settings, day
):
    settings.SITE_URL = live_server.url
    day.title = "No work, no school, no shopping: a day without immigrant workers"
    day.save_revision().publish()
    spanish = day.localized_for("es")
    spanish.title = "Sin trabajo, sin escuela, sin compras: un día sin trabajadores inmigrantes"
    spanish.save_revision().publish()
    make_endorsement(day, status=Endorsement.Status.APPROVED, members_represented=9_876_543)

    body = Client().get(day.url).content.decode()
    codes = snippets(body, "campaigns-embed")
    assert set(codes) == {"en", "es"}
    assert f'src="{live_server.url}/es/days-of-action/no-work-no-school/counter/"' in codes["es"]
    expected = {"en": ("Endorse", "members represented"), "es": ("Respaldar", "miembros")}
    for language, code in codes.items():
        page, frame = embed_in_host_page(browser, live_server, code)
        assert frame.evaluate("document.documentElement.lang") == language
        button, label = expected[language]
        assert frame.get_by_role("link", name=button).is_visible(), language
        assert label in frame.locator("body").inner_text()
        figure = frame.locator("[data-tally=members_represented]").inner_text()
        assert "".join(c for c in figure if c.isdigit()) == "9876543"
        screenshot(page, f"campaigns-counter-snippet-{language}")
        assert_fits(frame, code, language)
        page.context.close()
