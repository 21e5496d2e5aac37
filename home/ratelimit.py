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


def hit(key: str, ttl: int) -> int:
    """Count one use of `key`, which expires `ttl` seconds after its first use, and return
    the count. On Redis this is one round trip (INCR and EXPIRE NX in one pipeline), so the
    hot paths (signing) pay one round trip per limit."""
    backend = getattr(cache, "_cache", None)
    if backend is not None and hasattr(backend, "get_client"):
        full_key = cache.make_and_validate_key(key)
        pipe = backend.get_client(full_key, write=True).pipeline(transaction=False)
        pipe.incr(full_key)
        pipe.expire(full_key, ttl, nx=True)
        return int(pipe.execute()[0])
    if cache.add(key, 1, timeout=ttl):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, timeout=ttl)
        return 1


def allow(
    request: HttpRequest, *, scope: str, limit: int, window_seconds: int, now: float | None = None
) -> bool:
    """Count one attempt from this address; False once it has used up the window."""
    window = int((now if now is not None else time.time()) // window_seconds)
    key = address_key(scope, client_address(request), window)
    return hit(key, window_seconds + 5) <= limit
