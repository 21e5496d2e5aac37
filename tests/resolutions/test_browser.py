"""The steward's journey in Chromium: sign in with two factors, adapt, preview, download the
PDF, report the adoption, and see the resolution page's count go up."""

import time
from pathlib import Path

import pytest

from tests.browser import PHONE, screenshot
from tests.factories import TEST_PASSWORD, LocalFactory, RoleFactory, UserFactory, WorkplaceFactory
from tests.helpers import pdf_text

SECRET = "JBSWY3DPEHPK3PXPRESOLUTIONSTEST2"


def totp_code() -> str:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))


def setup_data():
    from allauth.mfa.totp.internal.auth import TOTP
    from wagtail.models import Page

    from demo.pages import child_page, locale, seed_pages
    from resolutions.models import ResolutionIndexPage
    from unions.models import Role

    from .conftest import make_resolution

    if Page.get_first_root_node() is None:
        # An earlier transactional test flushed the tables, the migrations' root page too.
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale("en")))
    home = seed_pages()
    library = child_page(home, ResolutionIndexPage, slug="resolutions", title="Resolutions")
    resolution = make_resolution(library)
    local = LocalFactory(name="Mesa Distribution Workers", number="412")
    WorkplaceFactory(local=local, employer="Quickline Logistics")
    user = UserFactory(email="rosa@example.org")
    TOTP.activate(user, SECRET)
    RoleFactory(user=user, local=local, kind=Role.Kind.STEWARD)
    return resolution, local, user


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_steward_adapts_downloads_and_reports_an_adoption(browser, live_server, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    resolution, local, user = setup_data()
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    # Sign in: password, then the authenticator code.
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_selector("input[name=code]")
    page.fill("input[name=code]", totp_code())
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()

    # The resolution, before: nobody adopted it.
    page.goto(live_server.url + resolution.url)
    assert "Adopted by 0 locals" in page.locator("#resolution-counts").inner_text()
    page.get_by_role("link", name="Adapt for your local").click()

    # Pick the local: its profile fills the local's name and the employer.
    page.select_option("#adapt-local", str(local.pk))
    page.get_by_role("button", name="Fill in from this local").click()
    assert page.input_value("input[name=v_local_name]") == local.display_name
    assert page.input_value("input[name=v_employer]") == "Quickline Logistics"

    # Live preview (our JavaScript) as the steward types the meeting date.
    page.fill("input[name=v_meeting_date]", "2026-02-03")
    page.get_by_label("Sanctuary team").check()
    preview = page.locator("#adapt-preview")
    preview.locator("ins", has_text="February 3, 2026").wait_for()
    assert "sanctuary team of 5" in preview.inner_text()
    assert preview.locator("ins").count() >= 3
    screenshot(page, "resolutions-adapt-preview-phone")

    # The same preview without JavaScript: the Preview button submits the form.
    page.get_by_role("button", name="Preview").click()
    page.wait_for_load_state()
    assert "February 3, 2026" in page.locator("#adapt-preview").inner_text()

    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url("**/adaptations/*/")
    assert "Draft" in page.locator(".status").inner_text()
    screenshot(page, "resolutions-adaptation-phone")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF (Letter)").click()
    pdf_path = Path(download_info.value.path())
    text = pdf_text(pdf_path.read_bytes())
    assert local.display_name in text and "Mesa Distribution Workers" in text
    assert "1. WHEREAS " + local.display_name in text
    assert "{{" not in text

    # Report the vote.
    page.get_by_role("link", name="Report the vote").click()
    page.get_by_label("Adopted", exact=True).check()
    page.fill("input[name=meeting_date]", "2026-02-03")
    page.select_option("select[name=body]", "membership")
    page.fill("input[name=votes_for]", "212")
    page.fill("input[name=votes_against]", "3")
    page.get_by_label("Public: name our local").check()
    screenshot(page, "resolutions-report-phone")
    page.get_by_role("button", name="Report the result").click()
    page.wait_for_url("**/adaptations/*/")
    assert "The adopted text (PDF)" in page.content()

    page.goto(live_server.url + resolution.url)
    assert "Adopted by 1 local" in page.locator("#resolution-counts").inner_text()
    assert local.display_name in page.locator("#adopters").locator("..").inner_text()
    screenshot(page, "resolutions-page-after-adoption-phone")
    assert errors == [], errors
    context.close()
