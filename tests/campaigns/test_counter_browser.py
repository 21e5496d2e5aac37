"""The embeddable counter at the size the day page suggests (320×180): nothing overflows."""

import pytest
from django.test import Client

from campaigns.models import Endorsement
from tests.browser import screenshot

from .conftest import make_endorsement

OUTSIDE = """() => {
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
    return out;
}"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_counter_fits_its_suggested_320_by_180_frame(browser, live_server, day):
    day.title = "No work, no school, no shopping: a day without immigrant workers"
    day.save_revision().publish()
    make_endorsement(day, status=Endorsement.Status.APPROVED, members_represented=9_876_543)
    # The size the day page suggests for the iframe.
    assert 'width="320" height="180"' in Client().get(day.url).content.decode()
    context = browser.new_context(viewport={"width": 320, "height": 180})
    page = context.new_page()
    for language, endorse in (("en", "Endorse"), ("es", "Respaldar")):
        page.goto(live_server.url + day.localized_for(language).url + "counter/")
        figure = page.locator("[data-tally=members_represented]").inner_text()
        assert "".join(c for c in figure if c.isdigit()) == "9876543"
        screenshot(page, f"campaigns-counter-320x180-{language}")
        assert page.evaluate(OUTSIDE) == [], language
        assert page.get_by_role("link", name=endorse).is_visible()
    context.close()
