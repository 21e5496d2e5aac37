"""Public pages can be held by a shared cache; private ones never are (core.cache)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from core.tokens import make_token
from demo.pages import child_page
from home.models import StandardPage
from petitions.tokens import CONFIRM
from tests.factories import UserFactory
from tests.petitions.conftest import sign_data

pytestmark = pytest.mark.django_db


def public_urls(petition, day) -> dict[str, str]:
    return {
        "home": "/",
        "home_es": "/es/",
        "petition_index": "/petitions/",
        "petition": petition.url,
        "petition_signed": petition.url + "signed/",
        "petition_count_route": petition.url + "count/",
        "petition_count_json": petition.url + "count.json",
        "day_index": "/days-of-action/",
        "day_wall": day.url,
        "day_endorse": day.url + "endorse/",
        "day_counter": day.url + "counter/",
        "day_tally_route": day.url + "tally/",
        "day_tally_json": day.url + "tally.json",
        "day_calendar": day.url + "calendar.ics",
        "day_calendar_es": day.localized_for("es").url + "calendar.ics",
        "days_calendar": "/days-of-action/calendar.ics",
        "days_calendar_es": "/es/days-of-action/calendar.ics",
        "petition_counter": petition.url + "counter/",
        "search": "/search/?q=water",
    }


COUNT_PAGES = {
    "petition_index",
    "petition",
    "petition_signed",
    "petition_count_route",
    "petition_count_json",
    "day_wall",
    "day_counter",
    "day_tally_route",
    "day_tally_json",
    "petition_counter",
}


def directives(response) -> dict[str, str]:
    out = {}
    for part in response["Cache-Control"].split(","):
        name, _, value = part.strip().partition("=")
        out[name] = value
    return out


def test_every_anonymous_public_page_is_publicly_cacheable_and_holds_nothing_per_visitor(
    client, petition, day
):
    for name, url in public_urls(petition, day).items():
        response = client.get(url)
        assert response.status_code == 200, name
        cc = directives(response)
        assert "public" in cc and "private" not in cc, (name, response["Cache-Control"])
        fresh = ("3", "3", "4") if name in COUNT_PAGES else ("60", "60", "120")
        assert (cc["max-age"], cc["s-maxage"], cc["stale-while-revalidate"]) == fresh, name
        assert cc["stale-if-error"] == "300", name
        assert not response.cookies, (name, response.cookies)
        assert "Set-Cookie" not in response, name
        vary = response.get("Vary", "").lower()
        if name != "home":
            assert "cookie" not in vary and "accept-language" not in vary, (name, vary)
        assert b"csrfmiddlewaretoken" not in response.content, name


def test_anonymous_sign_form_has_no_csrf_token_and_sets_no_csrf_cookie(client, petition):
    response = client.get(petition.url)
    assert b'action="' + (petition.url + "sign/").encode() in response.content
    assert b"csrfmiddlewaretoken" not in response.content
    assert "csrftoken" not in response.cookies


def test_signed_in_visitor_gets_a_private_uncached_page_with_the_csrf_token(client, petition):
    client.force_login(UserFactory())
    response = client.get(petition.url)
    cc = directives(response)
    assert "private" in cc and "no-store" in cc and "public" not in cc
    assert b'name="csrfmiddlewaretoken"' in response.content


def test_signed_in_visitor_gets_private_count_json(client, petition):
    client.force_login(UserFactory())
    response = client.get(petition.url + "count.json")
    assert response.json()["goal"] == 200
    cc = directives(response)
    assert "private" in cc and "public" not in cc


def test_confirm_link_page_is_no_store_even_for_anonymous(client, petition):
    from petitions import services
    from petitions.models import Signature

    services.signature_create(
        petition=petition,
        name="Rosa Delgado",
        email="rosa@example.org",
        department="",
        name_display="initial",
        language="en",
    )
    signature = Signature.objects.get(email="rosa@example.org")
    response = client.get(petition.url + f"confirm/{make_token(signature.pk, CONFIRM)}/")
    assert response.status_code == 200
    cc = directives(response)
    assert "no-store" in cc and "private" in cc and "public" not in cc


def test_page_with_a_view_restriction_is_never_public(client, home):
    page = child_page(home, StandardPage, slug="members", title="Members only")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Members"))
    user = UserFactory()
    user.groups.add(restriction.groups.first())
    anonymous = client.get(page.url)
    assert "public" not in anonymous.get("Cache-Control", "")
    open_page = child_page(home, StandardPage, slug="about", title="About us")
    assert "public" in client.get(open_page.url)["Cache-Control"]


def test_a_route_not_listed_as_public_stays_private(client, petition):
    # The login page sets a CSRF cookie: nothing there may be shared.
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert "private" in directives(response)
    # A failed signature shows the visitor's own answers.
    refused = client.post(petition.url + "sign/", sign_data(email="not-an-email"))
    assert refused.status_code == 400
    assert "private" in directives(refused)


def test_a_visitor_with_a_session_cookie_is_never_given_a_public_page(client, petition):
    client.cookies["sessionid"] = "whatever"
    response = client.get(petition.url)
    assert "public" not in response["Cache-Control"]
