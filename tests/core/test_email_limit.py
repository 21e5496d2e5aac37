"""At most a few emails per recipient per hour, whatever sends them (core.tasks.email_send)."""

import logging

import pytest
from django.conf import settings
from django.core.cache import cache

from core import tasks
from petitions import services
from tests.petitions.conftest import make_petition

ADDRESS = "Flooded.Inbox@Example.org"


def subjects(mailoutbox) -> list[str]:
    return [m.subject for m in mailoutbox]


@pytest.mark.django_db
def test_twenty_signatures_with_one_address_on_one_petition_send_at_most_the_limit(
    home, mailoutbox, django_capture_on_commit_callbacks, caplog
):
    page = make_petition(home, translate=False)
    caplog.set_level(logging.INFO)
    for n in range(20):
        with django_capture_on_commit_callbacks(execute=True):
            services.signature_create(petition=page, name=f"Signer {n}", email=ADDRESS)
    assert len(mailoutbox) == settings.EMAILS_PER_RECIPIENT
    # The confirmation first, then "already signed" until the limit.
    assert subjects(mailoutbox)[0] == "Confirm your signature: Water at the dock"
    assert subjects(mailoutbox)[1:] == ["You have already signed: Water at the dock"] * (
        settings.EMAILS_PER_RECIPIENT - 1
    )
    assert "the recipient had enough emails" in caplog.text
    assert "flooded.inbox" not in caplog.text.lower()


@pytest.mark.django_db
def test_twenty_confirmations_to_one_address_send_at_most_the_limit(
    home, mailoutbox, django_capture_on_commit_callbacks
):
    pages = [
        make_petition(home, slug=f"petition-{n}", title=f"Petition {n}", translate=False)
        for n in range(20)
    ]
    for page in pages:
        with django_capture_on_commit_callbacks(execute=True):
            services.signature_create(petition=page, name="Same Person", email=ADDRESS)
    assert len(mailoutbox) == settings.EMAILS_PER_RECIPIENT
    assert all(s.startswith("Confirm your signature: Petition") for s in subjects(mailoutbox))
    assert all(m.to == ["flooded.inbox@example.org"] for m in mailoutbox)


@pytest.mark.django_db
def test_other_addresses_are_unaffected_and_the_window_ends(mailoutbox, settings):
    settings.EMAILS_PER_RECIPIENT = 2
    send = {"subject": "Hello", "text": "Hi", "html": "<p>Hi</p>", "language": "en"}
    assert [tasks.email_send(to=ADDRESS, **send) for _ in range(3)] == [True, True, False]
    assert tasks.email_send(to="someone.else@example.org", **send)
    # The next window starts afresh.
    later = 10 * settings.EMAIL_RECIPIENT_WINDOW_SECONDS + 1e9
    assert tasks.recipient_allowed(ADDRESS, now=later)


@pytest.mark.django_db
def test_the_count_is_kept_under_a_keyed_hash_that_expires(settings):
    tasks.recipient_allowed(ADDRESS)
    keys = [k.decode() for k in cache._cache.get_client().keys("*email:to*")]
    assert len(keys) == 1
    assert "flooded" not in keys[0].lower() and "example" not in keys[0].lower()
    assert 0 < cache._cache.get_client().ttl(keys[0]) <= settings.EMAIL_RECIPIENT_WINDOW_SECONDS + 5
