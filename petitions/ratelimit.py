"""Rate limits on signing, keyed by an expiring keyed hash of the IP address.

The raw address is never stored: the cache key is an HMAC of it under settings.HASH_KEY
and the current window number, and the cache forgets it when the window ends.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache

# Generous: a whole shift signing from the break-room wifi shares one address.
SIGN_LIMIT = 300
SIGN_WINDOW_SECONDS = 600


def ip_key(ip: str, window: int) -> str:
    digest = hmac.new(
        settings.HASH_KEY.encode(), f"{window}:{ip}".encode(), hashlib.sha256
    ).hexdigest()
    return f"petitions:rl:{window}:{digest[:32]}"


def sign_allowed(ip: str, *, now: float | None = None) -> bool:
    """Count this attempt; False once the address has used up this window."""
    window = int((now or time.time()) // SIGN_WINDOW_SECONDS)
    key = ip_key(ip, window)
    if cache.add(key, 1, timeout=SIGN_WINDOW_SECONDS + 5):
        return True
    try:
        # A deployment may raise the limit (settings.PETITIONS_SIGN_LIMIT), e.g. behind a
        # proxy that shows every signer as one address.
        return cache.incr(key) <= getattr(settings, "PETITIONS_SIGN_LIMIT", SIGN_LIMIT)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=SIGN_WINDOW_SECONDS + 5)
        return True
