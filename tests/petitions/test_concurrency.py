"""Real threads on PostgreSQL: the unique constraint, not a check, decides duplicates."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from petitions import selectors, services
from petitions.models import PetitionCount, Signature
from tests.petitions.conftest import make_petition

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_at_once(count: int, work) -> list:
    barrier = threading.Barrier(count)

    def one(i):
        try:
            barrier.wait(timeout=30)
            return work(i)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(one, range(count)))


def run_spread(items: int, work, *, threads: int = 40) -> list:
    """`items` calls spread over `threads` threads that start together (PostgreSQL here
    allows 100 connections, shared with other test runs)."""
    batches = run_at_once(threads, lambda t: [work(i) for i in range(t, items, threads)])
    return [result for batch in batches for result in batch]


def test_fifty_threads_signing_with_the_same_email_make_one_signature(home, mailoutbox, settings):
    # Every caller queues an email; the per-recipient limit (tests/home/test_email_limit.py)
    # is lifted here so the outbox shows what each caller was told.
    settings.EMAILS_PER_RECIPIENT = 100
    page = make_petition(home, translate=False)
    results = run_at_once(
        50,
        lambda i: (
            services.signature_create(
                petition=page,
                name=f"Same Person {i}",
                email="Same.Person@Example.org",
                language="en",
            ).created
        ),
    )
    assert results.count(True) == 1
    assert results.count(False) == 49
    assert Signature.objects.filter(petition=page).count() == 1
    # Everyone got an email: one confirmation, the rest "already signed".
    subjects = [m.subject for m in mailoutbox]
    assert subjects.count("Confirm your signature: Water at the dock") == 1
    assert subjects.count("You have already signed: Water at the dock") == 49


def test_two_hundred_distinct_signers_give_two_hundred_rows_and_an_exact_count(home):
    page = make_petition(home, translate=False)
    created = run_spread(
        200,
        lambda i: (
            services.signature_create(
                petition=page, name=f"Worker {i}", email=f"worker{i}@example.org", language="es"
            ).signature.pk
        ),
    )
    assert len(set(created)) == 200
    assert Signature.objects.filter(petition=page).count() == 200

    signatures = list(Signature.objects.filter(petition=page))
    confirmed = run_at_once(
        50, lambda i: [services.signature_confirm(signature=s) for s in signatures[i::50]]
    )
    assert sum(sum(batch) for batch in confirmed) == 200
    # Concurrent refreshes: the advisory lock lets one count at a time; the rest skip.
    run_at_once(4, lambda i: services.counts_refresh(petition_ids=[page.pk]))
    services.counts_refresh(petition_ids=[page.pk])
    assert selectors.petition_tally(page).count == 200
    assert PetitionCount.objects.get(petition=page).confirmed == 200
    services.counts_reconcile()
    assert PetitionCount.objects.get(petition=page).confirmed == 200


def test_the_count_refresh_takes_an_advisory_lock(home):
    """While one refresher holds the lock, another does nothing rather than wait."""
    page = make_petition(home, translate=False)
    holding = threading.Event()
    release = threading.Event()

    def hold():
        from django.db import transaction

        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [services.COUNTS_LOCK_ID])
                holding.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert holding.wait(timeout=30)
    try:
        assert services.counts_refresh(petition_ids=[page.pk]) == {}
    finally:
        release.set()
        thread.join()
    assert page.pk in services.counts_refresh(petition_ids=[page.pk])


def test_signing_over_http_from_many_threads_keeps_one_row_per_email(home, settings):
    """The lean `<petition>/sign/` path (cached facts, no page walk) under real threads:
    every POST succeeds, and the rows are exactly the distinct emails."""
    from django.test import Client

    from tests.petitions.conftest import sign_data, sign_url

    settings.FORMGUARD_REUSE_LIMIT = 1_000
    page = make_petition(home, translate=False)
    token = sign_data()["started"]

    def post(i):
        response = Client().post(
            sign_url(page),
            sign_data(email=f"t{i % 40}@example.org", started=token),
            REMOTE_ADDR=f"10.0.0.{i % 50}",
        )
        return response.status_code, response["Location"]

    results = run_spread(160, post, threads=32)
    assert results == [(302, page.url + "signed/")] * 160
    assert Signature.objects.filter(petition=page).count() == 40
    assert Signature.objects.filter(petition=page).values("email").distinct().count() == 40
