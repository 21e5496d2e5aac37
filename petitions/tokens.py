"""Signed links in petition emails: confirm (expires) and withdraw (does not).

A token carries only the signature's id and what it is for, signed with SECRET_KEY, so a
tampered or foreign token is simply not found (a 404 that says nothing about who signed).
"""

from django.core import signing

CONFIRM = "petitions.confirm"
WITHDRAW = "petitions.withdraw"
CONFIRM_MAX_AGE = 7 * 24 * 3600  # matches SIGNATURE_PENDING_DAYS in services


def make_token(signature_id: int, purpose: str) -> str:
    return signing.TimestampSigner(salt=purpose).sign(signing.b62_encode(signature_id))


def read_token(token: str, purpose: str) -> int | None:
    """The signature id in a valid token, or None."""
    max_age = CONFIRM_MAX_AGE if purpose == CONFIRM else None
    try:
        value = signing.TimestampSigner(salt=purpose).unsign(token, max_age=max_age)
        return signing.b62_decode(value)
    except (signing.BadSignature, ValueError):
        return None
