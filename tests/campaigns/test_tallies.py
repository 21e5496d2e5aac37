"""Exact public tallies, the wall, tally.json and the embeddable counter."""

import json
from collections import Counter, defaultdict

import pytest
from django.urls import reverse

from campaigns import selectors
from campaigns.models import Endorsement

from .conftest import make_endorsement

pytestmark = pytest.mark.django_db

SPREAD = [
    # name, type, region, pledge, members, status
    ("Harbor Nurses", "union_local", "California", "job_action", 1200, "approved"),
    ("Cedar Porters", "union_local", "Texas", "mobilize", 300, "approved"),
    ("Lakeshore Council", "labor_council", "Illinois", "promote", 45000, "approved"),
    ("Mesa Mosque", "faith", "Arizona", "endorse", None, "approved"),
    ("Port Alder Students", "student", "California", "mobilize", 800, "approved"),
    ("Pending Group", "community", "Oregon", "endorse", 50, "pending_review"),
    ("Unconfirmed Group", "community", "Oregon", "endorse", 70, "pending_confirmation"),
    ("Rejected Group", "other", "Texas", "job_action", 999, "rejected"),
    ("Withdrawn Group", "faith", "Texas", "mobilize", 10, "withdrawn"),
]


@pytest.fixture
def spread(day):
    return [
        make_endorsement(
            day,
            organisation_name=name,
            organisation_type=kind,
            region=region,
            pledge_level=pledge,
            members_represented=members,
            status=status,
            contact_email=f"contact{i}@private.example",
            contact_name=f"Private Person {i}",
        )
        for i, (name, kind, region, pledge, members, status) in enumerate(SPREAD)
    ]


def expected(rows):
    approved = [r for r in rows if r.status == Endorsement.Status.APPROVED]
    by = defaultdict(Counter)
    for r in approved:
        by["type"][r.organisation_type] += 1
        by["region"][r.region] += 1
        by["pledge"][r.pledge_level] += 1
    return approved, by


def test_public_tally_counts_only_approved_endorsements_exactly(spread, day):
    approved, by = expected(spread)
    tally = selectors.public_tally(day)
    assert tally["approved"] == len(approved)
    assert tally["members_represented"] == sum(r.members_represented or 0 for r in approved)
    assert {i["key"]: i["endorsements"] for i in tally["by_type"]} == dict(by["type"])
    assert {i["key"]: i["endorsements"] for i in tally["by_region"]} == dict(by["region"])
    assert {i["key"]: i["endorsements"] for i in tally["by_pledge_level"]} == dict(by["pledge"])
    california = next(i for i in tally["by_region"] if i["key"] == "California")
    assert california["members_represented"] == sum(
        r.members_represented or 0 for r in approved if r.region == "California"
    )


@pytest.mark.parametrize("suffix", ["tally.json", "tally/"])
def test_tally_json_is_public_numbers_only(client, spread, day, suffix):
    response = client.get(day.url + suffix)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    payload = json.loads(response.content)
    approved, _by = expected(spread)
    assert payload["approved"] == len(approved)
    assert payload["members_represented"] == sum(r.members_represented or 0 for r in approved)
    assert {"by_type", "by_region", "by_pledge_level"} <= set(payload)
    assert "private.example" not in response.content.decode()
    assert "Private Person" not in response.content.decode()


def test_tally_json_is_served_for_the_spanish_page_and_404_elsewhere(client, spread, day, index):
    spanish = day.get_translation(day.locale.__class__.objects.get(language_code="es")).specific
    payload = json.loads(client.get(spanish.url + "tally.json").content)
    assert payload["approved"] == len(expected(spread)[0])
    assert payload["day"] == spanish.title
    assert client.get(index.url + "tally.json").status_code == 404
    assert client.get("/nowhere/tally.json").status_code == 404
    assert client.get(day.url + "endorse/tally.json").status_code == 404


def test_day_page_links_the_tally_json_the_project_urlconf_serves(client, settings, spread, day):
    """The day page names `<day>tally.json` without checking that it is routed: the project
    URLconf (unionhall.urls, not a test one) must serve it."""
    page = client.get(day.url).content.decode()
    link = settings.SITE_URL + day.url + "tally.json"
    assert f'href="{link}"' in page
    payload = json.loads(client.get(day.url + "tally.json").content)
    assert payload["approved"] == len(expected(spread)[0])


def test_tally_is_cached_but_refreshed_when_an_approval_commits(
    client, day, organizer_user, django_capture_on_commit_callbacks
):
    waiting = make_endorsement(
        day, status=Endorsement.Status.PENDING_REVIEW, members_represented=40
    )
    assert selectors.public_tally(day)["approved"] == 0
    # A write behind the service's back is not seen while the cache holds: it is cached.
    make_endorsement(day, organisation_name="Sneaky", status=Endorsement.Status.APPROVED)
    assert selectors.public_tally(day)["approved"] == 0
    client.force_login(organizer_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("campaigns:review", args=[day.pk]), {"action": "approve", "ids": [waiting.pk]}
        )
    assert selectors.public_tally(day)["approved"] == 2


def test_wall_groups_by_type_with_counts_and_hides_contacts(client, spread, day):
    body = client.get(day.url).content.decode()
    for name, _k, _r, _p, _m, status in SPREAD:
        assert (name in body) == (status == "approved"), name
    assert "private.example" not in body and "Private Person" not in body
    assert 'id="type-union_local"' in body
    groups = selectors.wall(day)
    assert {g["key"]: g["count"] for g in groups} == {
        "union_local": 2,
        "labor_council": 1,
        "faith": 1,
        "student": 1,
    }


def test_wall_search_finds_by_name_or_place(client, spread, day):
    body = client.get(day.url, {"q": "texas"}).content.decode()
    assert "Cedar Porters" in body and "Harbor Nurses" not in body
    body = client.get(day.url, {"q": "nobody-here"}).content.decode()
    assert "No endorsement matches" in body


def test_counter_can_be_framed_by_other_sites_but_the_wall_cannot(client, spread, day):
    counter = client.get(day.url + "counter/")
    assert counter.status_code == 200
    policy = counter["Content-Security-Policy"]
    assert "frame-ancestors 'self' https:" in policy
    assert "X-Frame-Options" not in counter
    approved, _by = expected(spread)
    assert f'data-tally="approved">{len(approved)}<' in counter.content.decode()
    wall = client.get(day.url)
    assert "frame-ancestors 'self';" in wall["Content-Security-Policy"] + ";"
    assert wall["X-Frame-Options"] in ("DENY", "SAMEORIGIN")


def test_counter_honours_the_days_list_of_embedding_sites(client, day):
    day.counter_allowed_origins = "https://solidarity.example\nhttps://council.example/"
    day.save_revision().publish()
    policy = client.get(day.url + "counter/")["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://solidarity.example https://council.example" in policy
    assert "https:;" not in policy


def test_wall_is_cached_until_a_write_moves_the_version_on(
    client, day, django_capture_on_commit_callbacks
):
    from campaigns.services import endorsements_approve

    waiting = make_endorsement(
        day, organisation_name="Waiting Faith Circle", status=Endorsement.Status.PENDING_REVIEW
    )
    assert "Waiting Faith Circle" not in client.get(day.url).content.decode()
    make_endorsement(day, organisation_name="Written Behind The Back")
    assert "Written Behind The Back" not in client.get(day.url).content.decode()
    # A search is never cached.
    assert "Written Behind The Back" in client.get(day.url, {"q": "behind"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        endorsements_approve(day=day, ids=[waiting.pk], reviewer=None)
    body = client.get(day.url).content.decode()
    assert "Waiting Faith Circle" in body and "Written Behind The Back" in body
