"""After a failed submit on a phone, the sign form's first error has the focus and is in
view, not 2.5 screens below the top (issue 10, item 21)."""

import pytest

from tests.browser import PHONE, screenshot
from tests.petitions.conftest import make_petition

LONG_DEMAND = "".join(
    f"<p>Point {i}: cool water at every dock door, shade at the yard, and rest breaks in "
    "the heat, written into the site's heat plan and posted in every break room.</p>"
    for i in range(12)
)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_failed_submit_on_a_phone_moves_focus_to_the_first_error(browser, live_server, home):
    page = make_petition(home, demand=LONG_DEMAND, translate=False)
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    tab = context.new_page()
    tab.goto(live_server.url + page.url)
    tab.get_by_label("Your name").fill("Rosa Delgado")
    tab.get_by_label("Your email").fill("rosa-at-example.org")
    tab.wait_for_timeout(3200)  # longer than the time-to-fill minimum
    tab.get_by_role("button", name="Sign", exact=True).click()
    tab.wait_for_load_state("load")
    assert "Enter a valid email address." in tab.content()
    tab.wait_for_function("document.activeElement && document.activeElement.id === 'id_email'")
    box = tab.evaluate(
        "(() => { const r = document.activeElement.getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, height: innerHeight, scrolled: scrollY}; })()"
    )
    assert box["scrolled"] > PHONE["height"]  # the form is well below the top...
    assert box["top"] >= 0 and box["bottom"] <= box["height"]  # ...and the field is in view
    screenshot(tab, "petitions-phone-error-focused")
