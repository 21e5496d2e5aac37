"""Signed links in petition emails: confirm (expires) and withdraw (does not).

A token carries only the signature's id, when it was made and an HMAC over both and its
purpose (SECRET_KEY), so a tampered or foreign token is simply not found: a 404 that says
nothing about who signed. Wagtail serves only [\\w-] in path segments, so the parts are
joined with "_" (the id and time are base62, so the first two "_" are the separators).
"""

import time

from django.core import signing
from django.utils.crypto import constant_time_compare

CONFIRM = "petitions.confirm"
WITHDRAW = "petitions.withdraw"
CONFIRM_MAX_AGE = 7 * 24 * 3600  # matches SIGNATURE_PENDING_DAYS in services


def make_token(signature_id: int, purpose: str, *, at: float | None = None) -> str:
    value = f"{signing.b62_encode(signature_id)}_{signing.b62_encode(int(at or time.time()))}"
    return f"{value}_{signing.Signer(salt=purpose).signature(value)}"


def read_token(token: str, purpose: str) -> int | None:
    """The signature id in a valid, unexpired token, or None."""
    try:
        signature_part, made_part, mac = token.split("_", 2)
        value = f"{signature_part}_{made_part}"
        if not constant_time_compare(mac, signing.Signer(salt=purpose).signature(value)):
            return None
        if purpose == CONFIRM and time.time() - signing.b62_decode(made_part) > CONFIRM_MAX_AGE:
            return None
        return signing.b62_decode(signature_part)
    except ValueError:
        return None
