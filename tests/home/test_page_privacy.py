"""Page privacy holds on every route of a page: its JSON, its PDF and its sub-pages.

A Wagtail view restriction (login, or a shared password) on a petition, a day of action, the
resolution library, a resolution, the clause library or a clause applies to every route the
page has, including the `<page>count.json` and `<page>tally.json` URLs the project routes
outside Wagtail.
"""

import datetime
import re

import pytest
from django.apps import apps
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import PageViewRestriction

from demo.pages import child_page
from tests.factories import UserFactory
from tests.petitions.conftest import make_petition

PASSWORD = "meeting-at-the-hall"  # noqa: S105 (a page's shared password, not a secret)

# Sample values for the arguments a route takes. A route with an argument not named here
# fails the test, so a new route is looked at, not skipped.
SAMPLE_ARGUMENTS = {
    "token": "1-abc",
    "pk": "1",
    "pdf_id": "1",
    "report_pk": "1",
    "amendment_pk": "1",
    "item": "1",
    "kind": "pdf",
    "number": "1",
}


def routable_page_types() -> list[type]:
    return sorted(
        (m for m in apps.get_models() if issubclass(m, RoutablePageMixin)),
        key=lambda m: m._meta.label,
    )


def make_pages(home) -> dict[str, object]:
    from campaigns.models import DayOfActionIndexPage, DayOfActionPage
    from contracts.models import ClauseLibraryPage
    from demo.contracts import seed_categories
    from resolutions.models import ResolutionIndexPage
    from tests.contracts.conftest import make_clause
    from tests.resolutions.conftest import make_resolution

    days = child_page(home, DayOfActionIndexPage, slug="days-of-action", title="Days of action")
    resolutions = child_page(home, ResolutionIndexPage, slug="resolutions", title="Resolutions")
    seed_categories()
    library = child_page(
        home, ClauseLibraryPage, slug="contract-language", title="Contract language"
    )
    return {
        "petitions.PetitionPage": make_petition(home, translate=False),
        "campaigns.DayOfActionPage": child_page(
            days,
            DayOfActionPage,
            slug="no-work-no-school",
            title="No work, no school, no shopping",
            date=timezone.localdate() + datetime.timedelta(days=10),
            call="<p>Stay home.</p>",
        ),
        "resolutions.ResolutionIndexPage": resolutions,
        "resolutions.ResolutionPage": make_resolution(resolutions),
        "contracts.ClauseLibraryPage": library,
        "contracts.ContractClausePage": make_clause(
            library, slug="judicial-warrant", title="Judicial warrant required"
        ),
    }


def route_urls(page) -> list[str]:
    """Every route of `page`, as a URL, from the page class's own route table."""
    urls = []
    for pattern in type(page).get_subpage_urls():
        names = list(pattern.pattern.regex.groupindex)
        unknown = set(names) - set(SAMPLE_ARGUMENTS)
        assert not unknown, f"{pattern.name} takes {unknown}: add a sample value"
        kwargs = {name: SAMPLE_ARGUMENTS[name] for name in names}
        urls.append(page.url + page.reverse_subpage(pattern.name, kwargs=kwargs).lstrip("/"))
    return sorted(set(urls))


@pytest.fixture
def pages(home):
    return make_pages(home)


def restrict(page, kind: str) -> PageViewRestriction:
    if kind == "password":
        return PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
        )
    return PageViewRestriction.objects.create(page=page, restriction_type=kind)


def json_urls(pages) -> list[str]:
    petition, day = pages["petitions.PetitionPage"], pages["campaigns.DayOfActionPage"]
    return [petition.url + "count.json", day.url + "tally.json"]


@pytest.mark.django_db
def test_every_routable_page_type_is_covered(pages):
    assert set(pages) == {m._meta.label for m in routable_page_types()}


@pytest.mark.django_db
def test_every_route_of_a_login_only_page_sends_a_visitor_to_log_in(client, pages):
    for page in pages.values():
        restrict(page, PageViewRestriction.LOGIN)
    urls = [url for page in pages.values() for url in route_urls(page)] + json_urls(pages)
    assert any(url.endswith("/pdf/") for url in urls)
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, (method.__name__, url, response.status_code)
            assert response["Location"].startswith("/accounts/login/?next="), url
            assert "no-store" in response["Cache-Control"], url


@pytest.mark.django_db
def test_every_route_of_a_password_page_asks_for_the_password(client, pages):
    for page in pages.values():
        restrict(page, PageViewRestriction.PASSWORD)
    for url in [url for page in pages.values() for url in route_urls(page)] + json_urls(pages):
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("text/html"), url
        assert 'name="password"' in body, url
        assert '"goal"' not in body and '"members_represented"' not in body, url
        assert "no-store" in response["Cache-Control"], url


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["count.json", "count/"])
def test_login_only_petition_count_is_not_shown_to_a_visitor(client, pages, suffix):
    petition = pages["petitions.PetitionPage"]
    restrict(petition, PageViewRestriction.LOGIN)
    response = client.get(petition.url + suffix)
    assert response.status_code == 302
    body = response.content.decode()
    assert "goal" not in body and petition.title not in body


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["tally.json", "tally/", "counter/"])
def test_login_only_day_tally_is_not_shown_to_a_visitor(client, pages, suffix):
    day = pages["campaigns.DayOfActionPage"]
    restrict(day, PageViewRestriction.LOGIN)
    response = client.get(day.url + suffix)
    assert response.status_code == 302
    assert day.title not in response.content.decode()


@pytest.mark.django_db
def test_signed_in_person_gets_the_json_of_a_login_only_page_and_no_one_else_does(client, pages):
    petition, day = pages["petitions.PetitionPage"], pages["campaigns.DayOfActionPage"]
    restrict(petition, PageViewRestriction.LOGIN)
    restrict(day, PageViewRestriction.LOGIN)
    client.force_login(UserFactory())
    count = client.get(petition.url + "count.json")
    tally = client.get(day.url + "tally.json")
    assert count.json()["goal"] == 200 and count.json()["title"] == petition.title
    assert tally.json()["day"] == day.title
    for response in (count, tally):
        # Not for a shared cache: the next visitor may not be signed in.
        assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    client.logout()
    # count.json keeps answers for a couple of seconds; a restricted page's never.
    again = client.get(petition.url + "count.json")
    assert again.status_code == 302 and "goal" not in again.content.decode()


@pytest.mark.django_db
def test_the_right_password_opens_the_json_too(client, pages):
    petition = pages["petitions.PetitionPage"]
    restriction = restrict(petition, PageViewRestriction.PASSWORD)
    form = client.get(petition.url + "count.json").content.decode()
    action = re.search(r'action="([^"]+)"', form).group(1)
    client.post(action, {"password": PASSWORD, "return_url": petition.url + "count.json"})
    assert restriction.accept_request(client.get(petition.url).wsgi_request)
    assert client.get(petition.url + "count.json").json()["goal"] == 200


@pytest.mark.django_db
def test_public_pages_keep_their_public_json(client, pages):
    petition, day = pages["petitions.PetitionPage"], pages["campaigns.DayOfActionPage"]
    count = client.get(petition.url + "count.json")
    assert count.json()["goal"] == 200 and "public" in count["Cache-Control"]
    assert client.get(day.url + "tally.json").json()["day"] == day.title
