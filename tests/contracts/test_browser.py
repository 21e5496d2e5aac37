"""A steward's journey in a real browser: search the library, add clauses to a proposal,
answer the blanks once, and download the proposal's PDF."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.browser import PHONE, screenshot
from tests.helpers import page_count, pdf_text


@pytest.mark.browser
# Fixtures re-create what a flush removes (the root page, the clause categories), so no
# serialized rollback: it clashes with content types re-created after another test's flush.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_steward_assembles_a_proposal_and_downloads_its_pdf(
    browser, live_server, warrant_clause, leave_clause, local, workplace, local_steward
):
    client = Client()
    client.force_login(local_steward)
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    blocked, errors = [], []
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith(live_server.url) else blocked.append(request.url)
        ),
    )
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    # Start a proposal for the local's workplace.
    page.goto(live_server.url + "/contract-language/proposals/")
    page.get_by_label("Local:", exact=True).select_option(str(local.pk))
    page.get_by_label("Employer:", exact=True).select_option(str(workplace.pk))
    page.get_by_role("button", name="Start the proposal").click()
    page.wait_for_url("**/contract-language/proposals/*/")
    assert page.locator("h1").inner_text() == "Proposal to Quickline Logistics"

    # Search the library and add two clauses.
    page.get_by_role("link", name="Add clauses from the library").click()
    page.get_by_label("Search the clauses").fill("judicial warrant")
    page.get_by_role("button", name="Show").click()
    assert page.locator(".library__item").count() == 1
    screenshot(page, "contracts-library-search")
    page.get_by_role(
        "button", name=re.compile(r"^Add to proposal\s*:\s*Judicial warrant required$")
    ).click()
    assert page.get_by_text("Added “Judicial warrant required” as article 1.").is_visible()
    page.get_by_label("Search the clauses").fill("hearings")
    page.get_by_role("button", name="Show").click()
    page.get_by_role(
        "button", name=re.compile(r"^Add to proposal\s*:\s*Leave for immigration hearings$")
    ).click()
    assert page.get_by_text("as article 2.").is_visible()
    assert page.get_by_text("In the proposal").count() == 1

    # Answer the blanks once for both clauses.
    page.get_by_role("link", name="Back to the proposal").click()
    assert page.get_by_label("Employer's name").input_value() == "Quickline Logistics"
    page.get_by_label("Hours to notify").fill("1")
    page.get_by_label("Days of leave").fill("a dozen")
    page.get_by_role("button", name="Save answers and preview").click()
    assert page.get_by_text("Enter “Days of leave” as a number.").is_visible()
    page.get_by_label("Days of leave").fill("12")
    page.get_by_role("button", name="Save answers and preview").click()
    assert page.get_by_text("Answers saved.").is_visible()
    preview = page.locator(".proposal-preview").inner_text()
    assert "Article 2. Leave for immigration hearings" in preview
    assert "Quickline Logistics shall grant up to 12 days of leave." in preview
    screenshot(page, "contracts-proposal-preview")

    # Download the PDF and read it.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    pdf = Path(download_info.value.path()).read_bytes()
    text = pdf_text(pdf, layout=True)
    assert "Contents" in text
    assert "Article 1. Judicial warrant required" in text
    assert "2.1." in text and "Quickline Logistics shall grant up to 12 days of leave." in text
    assert "Fallback" not in text and "{{" not in text
    assert page_count(pdf) >= 1

    # Two clauses side by side: the button waits for exactly two ticks.
    page.goto(live_server.url + "/contract-language/")
    compare = page.get_by_role("button", name="Compare the two ticked clauses")
    assert compare.is_disabled()
    page.get_by_label("Compare").first.check()
    assert compare.is_disabled()
    page.get_by_label("Compare").nth(1).check()
    assert compare.is_enabled()
    compare.click()
    page.wait_for_url("**/contract-language/compare/**")
    assert page.locator(".compare__column").count() == 2
    screenshot(page, "contracts-compare")

    assert blocked == [], "the page asked another site for something"
    assert errors == [], errors
    context.close()
