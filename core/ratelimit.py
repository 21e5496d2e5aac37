"""Rate limits keyed by an expiring keyed hash of the client's address.

The raw address is never stored: the cache key is an HMAC of it under settings.HASH_KEY and
the window number, and the cache forgets it when the window ends. Every limit (signing,
endorsing, anonymous documents, emails per recipient) goes through `allow`, the one entry
point (`allow_counting` when the same round trip also counts a form token's use). `hit` is
the counter underneath, which core.formguard also uses to count a form token's uses.
"""

import hashlib
import hmac
import math
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


def hit_many(counters: list[tuple[str, int]]) -> list[int]:
    """Count one use of each `(key, ttl)`: a key expires `ttl` seconds after its first use.
    Returns the counts. On Redis all of them take one round trip (INCR and EXPIRE NX in one
    pipeline), so a hot path (signing) pays one round trip for all its limits."""
    backend = getattr(cache, "_cache", None)
    if backend is not None and hasattr(backend, "get_client"):
        keys = [(cache.make_and_validate_key(key), ttl) for key, ttl in counters]
        pipe = backend.get_client(keys[0][0], write=True).pipeline(transaction=False)
        for key, ttl in keys:
            pipe.incr(key)
            pipe.expire(key, ttl, nx=True)
        return [int(n) for n in pipe.execute()[::2]]
    return [_hit_other(key, ttl) for key, ttl in counters]


def _hit_other(key: str, ttl: int) -> int:
    # Any other cache backend (none in this project's settings): two calls.
    if cache.add(key, 1, timeout=ttl):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, timeout=ttl)
        return 1


def hit(key: str, ttl: int) -> int:
    """Count one use of `key` (see hit_many)."""
    return hit_many([(key, ttl)])[0]


def allow(
    request: HttpRequest | None = None,
    *,
    scope: str,
    limit: int,
    window_seconds: int,
    address: str | None = None,
    now: float | None = None,
) -> bool:
    """Count one attempt from the request's client (or from `address`, a key that is not a
    request's, such as an email recipient); False once it has used up the window."""
    allowed, _uses = allow_counting(
        request,
        scope=scope,
        limit=limit,
        window_seconds=window_seconds,
        also=None,
        address=address,
        now=now,
    )
    return allowed


def seconds_left(window_seconds: int, now: float | None = None) -> int:
    """How long until the current window ends and a refused client may try again (for a
    Retry-After header): windows are fixed slices of the clock, as `allow_counting` keys them."""
    now = now if now is not None else time.time()
    return max(1, math.ceil(window_seconds - now % window_seconds))


def allow_counting(
    request: HttpRequest | None = None,
    *,
    scope: str,
    limit: int,
    window_seconds: int,
    also: tuple[str, int] | None,
    address: str | None = None,
    now: float | None = None,
) -> tuple[bool, int | None]:
    """`allow`, and one use of `also` (a `(key, ttl)`, or None) counted in the same Redis
    round trip: the signing path counts its form token's use with its limit. Returns
    whether the attempt is allowed and `also`'s count (None without `also`)."""
    key = address_key(
        scope,
        address if address is not None else client_address(request),
        int((now if now is not None else time.time()) // window_seconds),
    )
    counters = [(key, window_seconds + 5)] + ([also] if also is not None else [])
    counts = hit_many(counters)
    return counts[0] <= limit, (counts[1] if also is not None else None)
