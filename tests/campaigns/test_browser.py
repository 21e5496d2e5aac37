"""The whole journey in a real browser: endorse, confirm from the email, an organizer
approves in the admin, and the wall, the tally and the counter show it."""

import json
import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from campaigns.models import Endorsement
from tests.browser import PHONE, screenshot
from tests.factories import LocalFactory, organizer


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_endorse_confirm_approve_and_watch_the_count(browser, live_server, day):
    base = live_server.url
    phone = browser.new_context(viewport=PHONE)
    page = phone.new_page()

    page.goto(base + day.url)
    assert page.locator('[data-tally="approved"]').first.inner_text() == "0"
    page.get_by_role("link", name="Endorse this day of action").click()
    page.get_by_label("Organisation name").fill("Granite Hollow Tenants Union")
    page.get_by_label("Community organisation").check()
    page.get_by_label("City").fill("Granite Hollow")
    page.get_by_label("Region or state").fill("WA")
    page.get_by_label("Members represented").fill("640")
    page.get_by_label("Job action").check()
    page.get_by_label("Public statement (optional)").fill("We close every building we run.")
    page.get_by_label("Your name").fill("Inés Calder")
    page.get_by_label("Your title or role").fill("Chair")
    page.get_by_label("Your email").fill("ines@granite.example")
    screenshot(page, "campaigns-endorse-form")
    page.wait_for_timeout(3200)  # a person takes longer than the form's time-to-fill check
    page.get_by_role("button", name="Send our endorsement").click()
    page.get_by_role("heading", name="Check your email").wait_for()

    assert len(mail.outbox) == 1
    found = re.search(r"https?://[^/\s]+(/\S*/endorsement/[0-9]+-[0-9a-f]+/)", mail.outbox[0].body)
    link = found.group(1)
    page.goto(base + link)
    endorsement = Endorsement.objects.get()
    assert endorsement.status == Endorsement.Status.PENDING_CONFIRMATION  # the GET did nothing
    page.get_by_role("button", name="Confirm our endorsement").click()
    page.get_by_text("your endorsement is confirmed").wait_for()
    screenshot(page, "campaigns-confirmed")
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.PENDING_REVIEW

    # The organizer, signed in with MFA, approves from the review queue.
    client = Client()
    local = LocalFactory()
    day.owner_local = local
    day.save_revision().publish()
    client.force_login(organizer(local))
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    desk.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base,
            }
        ]
    )
    admin = desk.new_page()
    admin.goto(f"{base}/admin/days-of-action/{day.pk}/review/")
    # The "select all" box is shown by our own script, so this also proves it runs under CSP.
    admin.get_by_label("Select all on this page").check()
    assert admin.get_by_label("Select Granite Hollow Tenants Union").is_checked()
    screenshot(admin, "campaigns-review-queue")
    admin.get_by_role("button", name="Approve selected").click()
    admin.get_by_text("1 endorsement approved.").wait_for()
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.APPROVED
    assert any("Granite Hollow Tenants Union" in m.subject for m in mail.outbox[1:])

    admin.goto(f"{base}/admin/days-of-action/{day.pk}/dashboard/")
    assert admin.locator('[data-figure="approved"]').inner_text() == "1"
    assert admin.locator("svg.campaigns-chart polyline").count() == 1
    screenshot(admin, "campaigns-dashboard")

    # The public wall, the tally and the counter update at once.
    page.goto(base + day.url)
    assert page.locator('[data-tally="approved"]').first.inner_text() == "1"
    assert page.locator('[data-tally="members_represented"]').first.inner_text() == "640"
    wall = page.locator("#type-community")
    assert "Granite Hollow Tenants Union" in wall.inner_text()
    assert "ines@granite.example" not in page.content()
    screenshot(page, "campaigns-wall")
    tally = json.loads(page.request.get(base + day.url + "tally/").text())
    assert tally["approved"] == 1 and tally["members_represented"] == 640
    assert tally["by_region"][0]["key"] == "Washington"
    page.goto(base + day.url + "counter/")
    assert page.locator('[data-tally="approved"]').inner_text() == "1"
    screenshot(page, "campaigns-counter")
