"""Secret links in emails, for every app: one MAC, one key, ASCII only.

A link's MAC is the first 40 hex digits of HMAC-SHA256 under settings.HASH_KEY over
"<purpose>:<value>", so a token made for one purpose is worthless for another, and a tampered
or foreign one is simply invalid. Nothing about a token is stored: whoever holds a link proves
it by the MAC alone.

Two shapes use it:
- `make_token`/`read_token`: "<id>_<made at>_<mac>" (base62 id and time), for links that
  expire (petitions' confirm and withdraw links). Wagtail serves only [\\w-] in path segments,
  hence "_".
- `mac` directly, over a value that carries its own secret (campaigns' endorsement links:
  the row's `link_secret`, replaced to revoke a link).
"""

import hashlib
import hmac
import re
import time

from django.conf import settings
from django.core import signing

# Base62 id and time, then 40 hex digits, or (links emailed before this scheme) a Django
# signature. `str.isdigit`, `int` and `\w` accept non-ASCII digits and letters, and
# `hmac.compare_digest` refuses non-ASCII text with a TypeError: re.ASCII keeps them out.
_TIMED = re.compile(r"([0-9A-Za-z]{1,12})_([0-9A-Za-z]{1,12})_([0-9a-f]{40}|[\w-]{43})", re.ASCII)


class TokenInvalid(Exception):
    """Forged, mangled or made for another purpose."""


class TokenExpired(Exception):
    """Genuine, but past its lifetime."""


def mac(purpose: str, value: str) -> str:
    return hmac.new(
        settings.HASH_KEY.encode(), f"{purpose}:{value}".encode(), hashlib.sha256
    ).hexdigest()[:40]


def make_token(subject_id: int, purpose: str, *, at: float | None = None) -> str:
    value = f"{signing.b62_encode(subject_id)}_{signing.b62_encode(int(at or time.time()))}"
    return f"{value}_{mac(purpose, value)}"


def read_token(token: str, purpose: str, *, max_age: int, ends_at: float | None = None) -> int:
    """The id in a genuine token for `purpose` made less than `max_age` seconds ago.

    `ends_at` (a timestamp) ends the link earlier: for a petition's withdraw link, when the
    petition's signer data is purged."""
    match = _TIMED.fullmatch(token)
    if match is None:
        raise TokenInvalid
    subject_part, made_part, given = match.groups()
    value = f"{subject_part}_{made_part}"
    if not hmac.compare_digest(
        given, mac(purpose, value) if len(given) == 40 else _legacy(purpose, value)
    ):
        raise TokenInvalid
    made = signing.b62_decode(made_part)
    now = time.time()
    if now - made > max_age or (ends_at is not None and now >= ends_at):
        raise TokenExpired
    return signing.b62_decode(subject_part)


def _legacy(purpose: str, value: str) -> str:
    # Petitions' links emailed before this scheme were signed with Django's Signer (under
    # SECRET_KEY). They keep working until they expire; once the longest lifetime
    # (petitions.tokens.WITHDRAW_MAX_AGE, 180 days) has passed since the release that
    # brought this scheme, this branch accepts nothing and can go.
    return signing.Signer(salt=purpose).signature(value)
