"""A real browser on cached pages: the second load of a petition comes from the Redis page
cache, and signing or endorsing from a cached page works (no CSRF cookie or token needed)."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from campaigns.models import Endorsement
from petitions.models import Signature
from tests.browser import PHONE, screenshot
from tests.petitions.conftest import make_petition


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_anonymous_visitor_signs_from_a_cached_petition_page(
    browser, live_server, home, page_cache
):
    page_cache.SITE_URL = live_server.url
    petition = make_petition(home)
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()

    first = tab.goto(live_server.url + petition.url)
    assert first.status == 200
    assert "x-page-cache" not in first.headers
    assert "public" in first.headers["cache-control"]
    # A reload asks the server again; the page comes out of the page cache.
    second = tab.reload()
    assert second.headers.get("x-page-cache") == "hit"
    expect(tab.get_by_role("heading", name="Water at the dock")).to_be_visible()
    assert context.cookies() == []  # no CSRF cookie, no session: nothing per visitor

    tab.get_by_label("Your name").fill("Rosa Delgado")
    tab.get_by_label("Your email").fill("rosa@example.org")
    tab.get_by_label("My first name and initial").check()
    tab.wait_for_timeout(3200)  # a person takes longer than the time-to-fill minimum
    tab.get_by_role("button", name="Sign").click()
    expect(tab.get_by_role("heading", name="Check your email")).to_be_visible()
    screenshot(tab, "core-signed-from-cached-page")
    assert Signature.objects.get().email == "rosa@example.org"
    assert len(mail.outbox) == 1
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_organisation_endorses_from_a_cached_day_of_action_page(
    browser, live_server, day, page_cache
):
    page_cache.SITE_URL = live_server.url
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    url = live_server.url + day.url + "endorse/"
    tab.goto(url)
    assert tab.reload().headers.get("x-page-cache") == "hit"
    assert context.cookies() == []

    tab.get_by_label("Organisation name").fill("Granite Hollow Tenants Union")
    tab.get_by_label("Community organisation").check()
    tab.get_by_label("City").fill("Granite Hollow")
    tab.get_by_label("Region or state").fill("WA")
    tab.get_by_label("Members represented").fill("640")
    tab.get_by_label("Job action").check()
    tab.get_by_label("Your name").fill("Inés Calder")
    tab.get_by_label("Your title or role").fill("Chair")
    tab.get_by_label("Your email").fill("ines@granite.example")
    # A person takes longer than the time-to-fill minimum (core.formguard); so does this test.
    tab.wait_for_timeout(3200)
    tab.get_by_role("button", name="Send our endorsement").click()
    expect(tab.get_by_role("heading", name="Check your email")).to_be_visible()
    screenshot(tab, "core-endorsed-from-cached-page")
    assert Endorsement.objects.get().organisation_name == "Granite Hollow Tenants Union"
    context.close()
