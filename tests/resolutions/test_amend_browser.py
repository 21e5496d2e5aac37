"""The steward's amendment journey in Chromium: adapt, record two amendments by their printed
line numbers, print the amendment sheet, report one adopted and one rejected, and print the
adopted text with its appendix and filled vote box."""

from pathlib import Path

import pytest

from documents.lines import number_lines
from tests.browser import PHONE, screenshot
from tests.factories import TEST_PASSWORD
from tests.helpers import pdf_text

from .test_amendments import cited_lines
from .test_browser import setup_data, totp_code


def sign_in(page, live_server, user):
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_selector("input[name=code]")
    page.fill("input[name=code]", totp_code())
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def download_text(page, link_name: str) -> str:
    with page.expect_download() as download_info:
        page.get_by_role("link", name=link_name).click()
    return pdf_text(Path(download_info.value.path()).read_bytes())


def record(page, *, kind: str, first: int, last: int | None = None, words: str = "", **names):
    page.get_by_label(kind, exact=True).check()
    page.fill("input[name=first_line]", str(first))
    page.fill("input[name=last_line]", "" if last is None else str(last))
    page.fill("textarea[name=new_text]", words)
    page.fill("input[name=moved_by]", names.get("moved", ""))
    page.fill("input[name=seconded_by]", names.get("seconded", ""))
    page.select_option("select[name=committee_recommendation]", names.get("advice", "none"))
    page.get_by_role("button", name="Record the amendment").click()
    page.wait_for_load_state()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_steward_amends_by_line_reports_and_prints_the_adopted_text(
    browser, live_server, tmp_path, settings
):
    from resolutions.models import Adaptation, Amendment

    settings.MEDIA_ROOT = str(tmp_path / "media")
    resolution, local, user = setup_data()
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    sign_in(page, live_server, user)

    # Adapt and save the draft.
    page.goto(live_server.url + resolution.url + "adapt/")
    page.select_option("#adapt-local", str(local.pk))
    page.get_by_role("button", name="Fill in from this local").click()
    page.fill("input[name=v_meeting_date]", "2026-02-03")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url("**/adaptations/*/")
    adaptation = Adaptation.objects.get()
    lines = number_lines(adaptation.blocks)
    second_paragraph = [n for n in lines if n.block_key == adaptation.blocks[1].key]
    last_paragraph = [n for n in lines if n.block_key == adaptation.blocks[-1].key]

    # The amendments page shows the text by printed line.
    page.get_by_role("link", name="Amendments").click()
    page.wait_for_url("**/amendments/")
    assert page.locator(".numbered-text__line").count() == len(lines)
    assert lines[1].text in page.locator("#line-2").inner_text()

    # A line the text lacks: the message is beside the field, nothing is saved.
    record(page, kind="Strike", first=len(lines) + 3)
    assert f"The text has lines 1 to {len(lines)}" in page.locator(".amendment-form").inner_text()
    assert not Amendment.objects.exists()
    screenshot(page, "resolutions-amendment-error-phone")

    new_words = "WHEREAS every worker, with papers or without, is one of us;"
    record(
        page,
        kind="Strike and replace",
        first=second_paragraph[0].number,
        last=second_paragraph[-1].number,
        words=new_words,
        moved="Luis Ortega",
        seconded="Mei Chen",
        advice="adopt",
    )
    record(
        page,
        kind="Strike",
        first=last_paragraph[0].number,
        last=last_paragraph[-1].number,
        moved="Dana Price",
        advice="reject",
    )
    assert "Amendment recorded." in page.content()
    first, second = Amendment.objects.order_by("position")
    assert first.cited_text == "\n".join(n.text for n in second_paragraph)
    assert page.locator(".amendment-list > li").count() == 2
    screenshot(page, "resolutions-amendments-phone")

    # The amendment sheet, in the order of the text, with blank boxes.
    sheet = download_text(page, "Amendment sheet (PDF)")
    assert "Amendments: Keep ICE out of our workplace" in sheet
    assert new_words in sheet and "Luis Ortega" in sheet and "Dana Price" in sheet
    assert sheet.index(new_words) < sheet.index("Dana Price")
    assert sheet.count("Adopted Rejected") == 2

    # Report: the main motion adopted, the first amendment adopted, the second rejected.
    page.goto(live_server.url + adaptation.url("report"))
    page.locator("input[name=outcome][value=adopted]").check()
    page.fill("input[name=meeting_date]", "2026-02-03")
    page.select_option("select[name=body]", "membership")
    page.fill("input[name=votes_for]", "212")
    page.fill("input[name=votes_against]", "3")
    page.fill("input[name=moved_by]", "Rosa Delgado")
    page.fill("input[name=seconded_by]", "Sam Okafor")
    page.locator(f"input[name=amendment_{first.pk}][value=adopted]").check()
    page.locator(f"input[name=amendment_{second.pk}][value=rejected]").check()
    page.get_by_label("Public: name our local").check()
    screenshot(page, "resolutions-report-amendments-phone")
    page.get_by_role("button", name="Report the result").click()
    page.wait_for_url("**/adaptations/*/")
    assert "Adopted as amended" in page.locator(".status").inner_text()
    screenshot(page, "resolutions-adopted-as-amended-phone")

    # The adopted text: clean and amended, the vote box filled, the appendix marking changes.
    text = download_text(page, "The adopted text (PDF)")
    clean, appendix = text.split(" Amendments The meeting adopted these amendments")
    assert new_words in clean
    assert " ".join(first.cited_text.split()) not in clean
    assert " ".join(second.cited_text.split()) in clean  # rejected: still there
    for words in ("Moved by Rosa Delgado", "Seconded by Sam Okafor", "Votes for 212"):
        assert words in clean
    assert "Outcome Adopted as amended" in clean and "Meeting Membership meeting" in clean
    assert f"Amendment 1 · {cited_lines(first)}" in appendix and new_words in appendix
    assert "Dana Price" not in appendix
    assert errors == [], errors
    context.close()
