"""The limit on signing from one address (see home.ratelimit for how addresses are kept)."""

from django.conf import settings
from django.http import HttpRequest

from home.ratelimit import allow

SCOPE = "petitions:sign"
# Generous: a whole shift signing from the break-room wifi shares one address.
SIGN_LIMIT = 300
SIGN_WINDOW_SECONDS = 600


def sign_allowed(request: HttpRequest) -> bool:
    # A deployment may raise the limit (settings.PETITIONS_SIGN_LIMIT).
    limit = getattr(settings, "PETITIONS_SIGN_LIMIT", SIGN_LIMIT)
    return allow(request, scope=SCOPE, limit=limit, window_seconds=SIGN_WINDOW_SECONDS)
