"""A ceiling on documents rendered without an account, per address, per ten minutes.

Rendering a PDF costs a fraction of a second of CPU; without a ceiling, anyone could keep
the workers busy. The address itself is never stored: the cache key is an HMAC of it under
settings.HASH_KEY and the window number, and the cache forgets it when the window ends.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

DOCUMENTS_PER_WINDOW = 40  # a steward trying paper sizes and options stays far below
WINDOW_SECONDS = 600


def _key(address: str, window: int) -> str:
    digest = hmac.new(
        settings.HASH_KEY.encode(), f"resolutions:{window}:{address}".encode(), hashlib.sha256
    ).hexdigest()
    return f"resolutions:rl:{window}:{digest[:32]}"


def document_allowed(request: HttpRequest, *, now: float | None = None) -> bool:
    """Count one rendered document for this address; False once the window is used up."""
    window = int((now if now is not None else time.time()) // WINDOW_SECONDS)
    key = _key(request.META.get("REMOTE_ADDR", ""), window)
    if cache.add(key, 1, timeout=WINDOW_SECONDS + 5):
        return True
    try:
        return cache.incr(key) <= DOCUMENTS_PER_WINDOW
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, timeout=WINDOW_SECONDS + 5)
        return True
