"""Counts: an aggregate refreshed in batches and cached; never a COUNT per page view."""

import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from petitions import selectors, services, tasks
from petitions.models import PetitionCount, Signature


def confirmed(petition, n: int, *, start: int = 0, **fields) -> None:
    now = timezone.now()
    Signature.objects.bulk_create(
        [
            Signature(
                petition=petition,
                name=f"Worker Number{i}",
                email=f"w{i}@example.org",
                status=Signature.Status.CONFIRMED,
                confirmed_at=now,
                **fields,
            )
            for i in range(start, start + n)
        ]
    )


@pytest.mark.django_db
def test_page_views_read_the_cache_and_never_count_signatures(client, petition):
    confirmed(petition, 3)
    services.counts_refresh(petition_ids=[petition.pk])
    client.get(petition.url)  # warm Wagtail's own caches
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            body = client.get(petition.url).content.decode()
    assert "<strong>3</strong> signatures of 200" in body
    assert not [q["sql"] for q in queries if "petitions_signature" in q["sql"]]


@pytest.mark.django_db
def test_a_change_reaches_the_count_only_through_the_refresh(
    client, petition, django_capture_on_commit_callbacks
):
    services.counts_refresh(petition_ids=[petition.pk])
    signature = Signature.objects.create(petition=petition, name="Ana Ortega", email="a@e.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.signature_confirm(signature=signature)
    # Marked dirty but freshly cached: the view shows the cached number.
    assert selectors.petition_tally(petition).count == 0
    assert tasks.counts_refresh.delay().get() == 1
    tally = selectors.petition_tally(petition)
    assert tally.count == 1
    assert tally.recent == []  # the name is hidden unless the signer chose otherwise
    assert PetitionCount.objects.get(petition=petition).confirmed == 1
    # Nothing changed since: the next refresh recounts nothing.
    assert services.counts_refresh() == {}


@pytest.mark.django_db
def test_with_no_beat_a_stale_dirty_count_refreshes_itself(
    petition, django_capture_on_commit_callbacks, monkeypatch
):
    services.counts_refresh(petition_ids=[petition.pk])
    signature = Signature.objects.create(
        petition=petition, name="Ana Ortega", email="a@e.org", name_display="full"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.signature_confirm(signature=signature)
    assert selectors.petition_tally(petition).count == 0
    later = time.time() + selectors.STALE_AFTER + 1
    monkeypatch.setattr(selectors.time, "time", lambda: later)
    assert selectors.petition_tally(petition).stale
    tally = services.tally_refresh_if_stale(petition=petition)
    assert tally.count == 1
    assert tally.recent == ["Ana Ortega"]


@pytest.mark.django_db
def test_recent_signers_show_names_only_as_each_chose(petition):
    now = timezone.now()
    for name, choice in [
        ("Grace Okafor", "full"),
        ("Luis Ramírez Torres", "initial"),
        ("Hidden Person", "hidden"),
    ]:
        Signature.objects.create(
            petition=petition,
            name=name,
            email=f"{choice}@example.org",
            name_display=choice,
            status=Signature.Status.CONFIRMED,
            confirmed_at=now,
        )
    services.counts_refresh(petition_ids=[petition.pk])
    tally = selectors.petition_tally(petition)
    assert tally.count == 3
    assert sorted(tally.recent) == ["Grace Okafor", "Luis T."]


@pytest.mark.django_db
def test_cache_flush_falls_back_to_the_stored_aggregate_without_counting(petition):
    confirmed(petition, 4)
    services.counts_refresh(petition_ids=[petition.pk])
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert selectors.petition_tally(petition).count == 4
    assert not [q for q in queries if "COUNT(" in q["sql"].upper()]


@pytest.mark.django_db
def test_nightly_reconciliation_makes_a_drifted_count_exact(petition):
    confirmed(petition, 5)
    services.counts_refresh(petition_ids=[petition.pk])
    # Rows written behind the refresh's back (no dirty mark): the shown count drifts.
    confirmed(petition, 2, start=100)
    assert selectors.petition_tally(petition).count == 5
    assert tasks.counts_reconcile.delay().get() == 1
    assert selectors.petition_tally(petition).count == 7
    assert PetitionCount.objects.get(petition=petition).reconciled_at is not None


@pytest.mark.django_db
def test_spanish_and_english_pages_share_one_count(client, petition):
    confirmed(petition, 2)
    services.counts_refresh(petition_ids=[petition.pk])
    english = client.get(petition.url + "count.json").json()
    spanish = client.get("/es" + petition.url + "count.json").json()
    assert english["count"] == spanish["count"] == 2


@pytest.mark.django_db
def test_count_json_for_embeds(client, petition):
    confirmed(petition, 50)
    services.counts_refresh(petition_ids=[petition.pk])
    response = client.get(petition.url + "count.json")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 50 and data["goal"] == 200 and data["percent"] == 25
    assert data["title"] == "Water at the dock" and data["open"] is True
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public, max-age=3" in response["Cache-Control"]  # core.cache: a count
    assert "email" not in response.content.decode()
    # The same JSON as a page route, which needs no change to the project's URLs.
    assert client.get(petition.url + "count/").json() == data
    assert client.get("/petitions/count.json").status_code == 404  # the index is no petition
    # A repeat within a couple of seconds is one cache read: no page routing, no SQL.
    with CaptureQueriesContext(connection) as queries:
        again = client.get(petition.url + "count.json")
    assert again.json() == data and again["Access-Control-Allow-Origin"] == "*"
    assert len(queries) == 0


@pytest.mark.django_db
def test_progress_bar_shows_progress_toward_the_goal(client, petition):
    confirmed(petition, 20)
    services.counts_refresh(petition_ids=[petition.pk])
    body = client.get(petition.url).content.decode()
    assert '<progress class="petition-tally__bar" max="200" value="20">10%</progress>' in body
