"""The paper round trip in a real browser: an organizer prints handout cards, a coworker
scans the Spanish card on a phone and signs in Spanish, then the organizer prints a sheet,
enters it (one row flagged as a duplicate before saving) and reconciles paper and online."""

import re

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from petitions.models import PaperSheet, Signature
from tests.browser import PHONE, screenshot
from tests.factories import steward
from tests.helpers import qr_decode_pdf
from tests.petitions.conftest import make_petition


def _download(tab, click) -> bytes:
    with tab.expect_download() as info:
        click()
    return open(info.value.path(), "rb").read()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_cards_to_phone_signature_and_a_sheet_round_trip(
    browser, live_server, home, mailoutbox, settings
):
    settings.SITE_URL = live_server.url
    petition = make_petition(home)
    organizer = steward(petition.local)
    client = Client()
    client.force_login(organizer)
    desk = browser.new_context(accept_downloads=True)
    desk.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    office = desk.new_page()

    # Print Spanish cards and read the QR code back, as a phone camera would.
    office.goto(live_server.url + petition.url)
    office.get_by_role("link", name="Handout cards").click()
    office.get_by_role("combobox", name="Language").select_option("es")
    screenshot(office, "petitions-cards-form")
    cards_pdf = _download(
        office, lambda: office.get_by_role("button", name="Download the cards (PDF)").click()
    )
    codes = set(qr_decode_pdf(cards_pdf))
    assert len(codes) == 1
    (card_url,) = codes
    assert card_url.startswith(live_server.url + "/es/")

    # A coworker scans it and signs in Spanish on a phone.
    phone = browser.new_context(viewport=PHONE, locale="es", is_mobile=True)
    tab = phone.new_page()
    tab.goto(card_url)
    expect(tab.get_by_role("heading", name="Agua en el muelle")).to_be_visible()
    tab.get_by_label("Su nombre").fill("María Quispe")
    tab.get_by_label("Su correo electrónico").fill("maria.quispe@example.org")
    tab.get_by_label("Departamento").fill("Empaque")
    tab.wait_for_timeout(3200)  # a person takes longer than the time-to-fill minimum
    tab.get_by_role("button", name="Firmar").click()
    expect(tab.get_by_role("heading", name="Revise su correo")).to_be_visible()
    assert len(mailoutbox) == 1
    confirm_url = re.search(r"(http://\S+/confirm/[\w-]+/)", mailoutbox[0].body).group(1)
    tab.goto(confirm_url)
    tab.get_by_role("button", name="Confirmar mi firma").click()
    expect(tab.get_by_role("heading", name="Su firma está confirmada")).to_be_visible()
    screenshot(tab, "petitions-card-signed-es-phone")
    phone.close()

    # The organizer prints a sheet, and its QR code opens that sheet's entry page.
    office.goto(live_server.url + petition.url)
    office.get_by_role("link", name="Paper sheets").click()
    office.get_by_label("How many sheets").fill("1")
    sheet_pdf = _download(
        office, lambda: office.get_by_role("button", name="Print the sheets (PDF)").click()
    )
    (sheet_url,) = qr_decode_pdf(sheet_pdf)
    assert sheet_url == live_server.url + petition.url + "sheets/1/"
    assert PaperSheet.objects.get().number == 1

    office.goto(sheet_url)
    office.get_by_label("Who collected this sheet").fill("Dolores Aguilar")
    office.get_by_label("Collected on").fill("2026-11-30")
    office.get_by_label("Row 1: name").fill("Tomás Rivera")
    office.get_by_label("Row 1: department").fill("Dietary")
    office.get_by_label("Row 1: show the name as").select_option("full")
    office.get_by_label("Row 2: name").fill("maria quispe")  # signed online already
    office.get_by_label("Row 2: email").fill("Maria.Quispe@example.org")
    office.get_by_role("button", name="Check the rows").click()
    expect(office.get_by_text("Already signed online")).to_be_visible()
    expect(office.get_by_text("Nothing has been saved yet.")).to_be_visible()
    expect(office.get_by_label("Save row 1")).to_be_checked()
    expect(office.get_by_label("Save row 2")).not_to_be_checked()
    assert Signature.objects.filter(source="paper").count() == 0
    screenshot(office, "petitions-sheet-preview")
    office.get_by_role("button", name="Save this sheet").click()
    expect(office.get_by_text("Sheet saved: added 1.")).to_be_visible()
    expect(office.locator(".sheet-provenance tbody tr")).to_have_count(1)
    expect(office.locator(".sheet-provenance")).to_contain_text("Tomás Rivera")
    paper = Signature.objects.get(source="paper")
    assert (paper.name, paper.sheet.number, paper.sheet_row) == ("Tomás Rivera", 1, 1)

    # Reconciliation: one from paper, one online, the sheet entered.
    office.get_by_role("link", name="Paper sheets").click()
    expect(office.locator("#count-online")).to_have_text("1")
    expect(office.locator("#count-paper")).to_have_text("1")
    expect(office.locator("#count-total")).to_have_text("2")
    expect(office.locator("#sheet-totals")).to_contain_text(
        "1 printed, 1 returned, 1 entered, 0 not back yet."
    )
    screenshot(office, "petitions-sheets-reconciliation")
    desk.close()
