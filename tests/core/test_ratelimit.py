"""The shared rate limiter: keyed hashes of addresses, and trusted proxies."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from core.ratelimit import address_key, allow, client_address


def request_from(remote: str, forwarded: str = ""):
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_a_forged_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_HOPS = 0
    assert client_address(request_from("198.51.100.9", "203.0.113.1")) == "198.51.100.9"


def test_behind_one_proxy_the_client_is_the_last_forwarded_address(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    # The client may put anything on the left; only the proxy's own entry is trusted.
    request = request_from("10.0.0.2", "6.6.6.6, 203.0.113.5")
    assert client_address(request) == "203.0.113.5"


def test_limit_counts_per_address_and_scope(settings):
    settings.TRUSTED_PROXY_HOPS = 0
    first, second = request_from("203.0.113.7"), request_from("203.0.113.8")
    results = [allow(first, scope="t", limit=2, window_seconds=60, now=120) for _ in range(3)]
    assert results == [True, True, False]
    assert allow(second, scope="t", limit=2, window_seconds=60, now=120)
    assert allow(first, scope="other", limit=2, window_seconds=60, now=120)
    # A new window starts afresh.
    assert allow(first, scope="t", limit=2, window_seconds=60, now=180)


@pytest.mark.django_db
def test_the_cache_key_is_a_keyed_hash_not_the_address(settings):
    settings.TRUSTED_PROXY_HOPS = 0
    allow(request_from("203.0.113.99"), scope="t", limit=5, window_seconds=60, now=60)
    key = address_key("t", "203.0.113.99", 1)
    assert "203.0.113.99" not in key
    assert cache.get(key) == 1
    settings.HASH_KEY = "another-key"
    assert address_key("t", "203.0.113.99", 1) != key


def test_seconds_left_is_the_rest_of_the_current_window():
    from core.ratelimit import seconds_left

    assert seconds_left(60, now=150.0) == 30
    assert seconds_left(60, now=120.0) == 60
    assert seconds_left(60, now=179.5) == 1
