"""Rate limits keyed by an expiring keyed hash of the client's address.

The raw address is never stored: the cache key is an HMAC of it under settings.HASH_KEY and
the window number, and the cache forgets it when the window ends. Every app's limits
(signing, endorsing, anonymous documents) go through `allow`.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address. Behind N trusted proxies (settings.TRUSTED_PROXY_HOPS), it is
    the Nth address from the right of X-Forwarded-For; a client can't forge those."""
    hops = settings.TRUSTED_PROXY_HOPS
    if hops:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


def address_key(scope: str, address: str, window: int) -> str:
    digest = hmac.new(
        settings.HASH_KEY.encode(), f"{scope}:{window}:{address}".encode(), hashlib.sha256
    ).hexdigest()
    return f"rl:{scope}:{window}:{digest[:32]}"


def allow(
    request: HttpRequest, *, scope: str, limit: int, window_seconds: int, now: float | None = None
) -> bool:
    """Count one attempt from this address; False once it has used up the window."""
    window = int((now if now is not None else time.time()) // window_seconds)
    key = address_key(scope, client_address(request), window)
    if cache.add(key, 1, timeout=window_seconds + 5):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, timeout=window_seconds + 5)
        return True
