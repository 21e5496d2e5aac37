"""Without an HTTP cache in front, anonymous public pages come from Redis (core.pagecache),
and publishing purges them there (core.frontend_cache)."""

import pytest
from django.db import transaction

from demo.pages import child_page
from home.models import StandardPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_second_anonymous_get_is_a_hit_with_no_database_query(
    page_cache, client, petition, django_assert_num_queries
):
    first = client.get(petition.url)
    assert first.status_code == 200
    assert "X-Page-Cache" not in first
    with django_assert_num_queries(0):
        second = client.get(petition.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert b"Water at the dock" in second.content
    assert "public" in second["Cache-Control"]
    assert not second.cookies


def test_count_json_is_served_from_the_cache_too(page_cache, client, petition):
    client.get(petition.url + "count.json")
    assert client.get(petition.url + "count.json")["X-Page-Cache"] == "hit"


def test_signed_in_visitor_is_never_served_nor_stored(page_cache, client, petition):
    client.force_login(UserFactory())
    client.get(petition.url)
    second = client.get(petition.url)
    assert "X-Page-Cache" not in second
    assert b"csrfmiddlewaretoken" in second.content
    client.logout()
    # What the signed-in visitor saw was never stored for the next anonymous one.
    assert "X-Page-Cache" not in client.get(petition.url)


def test_a_private_page_is_not_stored(page_cache, client):
    client.get("/accounts/login/")
    assert "X-Page-Cache" not in client.get("/accounts/login/")


def test_publishing_purges_the_page_and_its_parent_index(
    page_cache, client, home, django_capture_on_commit_callbacks
):
    page = child_page(home, StandardPage, slug="about", title="About us")
    client.get(page.url)
    client.get(home.url)
    assert client.get(page.url)["X-Page-Cache"] == "hit"
    assert client.get(home.url)["X-Page-Cache"] == "hit"

    page.title = "About the hall"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    fresh = client.get(page.url)
    assert "X-Page-Cache" not in fresh
    assert b"About the hall" in fresh.content
    # The home page lists it in its menu, so the parent is purged as well.
    assert "X-Page-Cache" not in client.get(home.url)


def test_publishing_purges_the_translations(
    page_cache, client, petition, django_capture_on_commit_callbacks
):
    spanish = petition.get_translations().get()
    client.get(spanish.url)
    assert client.get(spanish.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        petition.save_revision().publish()
    assert "X-Page-Cache" not in client.get(spanish.url)


def test_unpublishing_purges_the_page(page_cache, client, home, django_capture_on_commit_callbacks):
    page = child_page(home, StandardPage, slug="old-news", title="Old news")
    client.get(page.url)
    assert client.get(page.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert client.get(page.url).status_code == 404


def test_deleting_purges_the_page(page_cache, client, home, django_capture_on_commit_callbacks):
    page = child_page(home, StandardPage, slug="gone", title="Gone soon")
    url = page.url
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        page.delete()
    assert client.get(url).status_code == 404


def test_moving_purges_the_old_url(page_cache, client, home, django_capture_on_commit_callbacks):
    section = child_page(home, StandardPage, slug="section", title="Section")
    page = child_page(home, StandardPage, slug="moving", title="Moving page")
    old_url = page.url
    client.get(old_url)
    assert client.get(old_url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        page.move(section, pos="last-child")
    # Not the cached page any more: Wagtail's redirect to where it now lives.
    moved = client.get(old_url)
    assert moved.status_code == 301
    assert moved["Location"] == "/section/moving/"


def test_query_string_variants_are_cached_separately(page_cache, client, home):
    client.get("/search/?q=water")
    assert client.get("/search/?q=water")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/search/?q=dock")


def test_cache_is_bypassed_when_page_cache_is_off(client, petition):
    client.get(petition.url)
    assert "X-Page-Cache" not in client.get(petition.url)
