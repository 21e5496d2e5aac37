"""Signed links in petition emails, each good for one purpose and for a bounded time.

A token carries only the signature's id, when it was made and an HMAC over both and its
purpose (SECRET_KEY), so a token for one purpose is worthless for another, and a tampered
or foreign one is simply invalid. Wagtail serves only [\\w-] in path segments, so the parts
are joined with "_" (the id and time are base62, so the first two "_" are the separators).

Lifetimes: a confirm link lives as long as an unconfirmed signature is kept
(SIGNATURE_PENDING_DAYS); a withdraw link until the petition's signer data is purged, and
never longer than WITHDRAW_MAX_AGE, so a link copied into a log or a forwarded email stops
working. Someone who still wants out signs again with the same email: the "already signed"
email carries fresh links. Whether a link was already used is the signature's state (the
views check it), so a used link does nothing either.
"""

import time

from django.core import signing
from django.utils.crypto import constant_time_compare

CONFIRM = "petitions.confirm"
WITHDRAW = "petitions.withdraw"
CONFIRM_MAX_AGE = 7 * 24 * 3600  # matches SIGNATURE_PENDING_DAYS in services
WITHDRAW_MAX_AGE = 180 * 24 * 3600
MAX_AGE = {CONFIRM: CONFIRM_MAX_AGE, WITHDRAW: WITHDRAW_MAX_AGE}


class TokenInvalid(Exception):
    """Forged, mangled or made for another purpose."""


class TokenExpired(Exception):
    """Genuine, but past its lifetime."""


def make_token(signature_id: int, purpose: str, *, at: float | None = None) -> str:
    value = f"{signing.b62_encode(signature_id)}_{signing.b62_encode(int(at or time.time()))}"
    return f"{value}_{signing.Signer(salt=purpose).signature(value)}"


def read_token(token: str, purpose: str, *, ends_at: float | None = None) -> int:
    """The signature id in a genuine token for `purpose` that has not expired.

    `ends_at` (a timestamp) ends the link earlier than its purpose's maximum age: for a
    withdraw link, when the petition's signer data is purged."""
    try:
        signature_part, made_part, mac = token.split("_", 2)
        value = f"{signature_part}_{made_part}"
        if not constant_time_compare(mac, signing.Signer(salt=purpose).signature(value)):
            raise TokenInvalid
        signature_id = signing.b62_decode(signature_part)
        made = signing.b62_decode(made_part)
    except ValueError as error:
        raise TokenInvalid from error
    now = time.time()
    if now - made > MAX_AGE[purpose] or (ends_at is not None and now >= ends_at):
        raise TokenExpired
    return signature_id
