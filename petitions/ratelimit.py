"""The limit on signing from one address (see core.ratelimit for how addresses are kept)."""

from django.conf import settings
from django.http import HttpRequest

from core.ratelimit import counter

SCOPE = "petitions:sign"
SIGN_WINDOW_SECONDS = 600


def sign_limit() -> int:
    return settings.PETITIONS_SIGN_LIMIT


def sign_counter(request: HttpRequest) -> tuple[str, int]:
    """The signing limit's `(key, ttl)`, for the signing path to count together with the
    time-to-fill token in one round trip (core.ratelimit.hit_many)."""
    return counter(request, scope=SCOPE, window_seconds=SIGN_WINDOW_SECONDS)
