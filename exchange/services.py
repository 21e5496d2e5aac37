"""Writes for data exchange: making and revoking API tokens, and recording their use."""

import datetime
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .models import ApiToken, ApiTokenUse, key_hash

TOKEN_PREFIX = "uh_"  # noqa: S105 (a label that marks Union Hall tokens, not a secret)
PREFIX_SHOWN = 10  # "uh_" and 7 characters of the secret: tells tokens apart, opens nothing
# last_used_at is written at most this often per token, so a busy sync job doesn't update
# one row on every request (each request adds its own ApiTokenUse row anyway).
LAST_USED_EVERY = datetime.timedelta(minutes=1)


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    raw: str  # shown once to the organizer who made it; never stored


def api_token_create(*, local, name: str, created_by) -> NewToken:
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        local=local,
        name=" ".join(name.split())[:80],
        prefix=raw[:PREFIX_SHOWN],
        key_hash=key_hash(raw),
        created_by=created_by,
    )
    return NewToken(token=token, raw=raw)


def api_token_revoke(*, token: ApiToken) -> bool:
    """True if this call revoked it (a token is revoked once, and stays revoked)."""
    return bool(
        ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    )


def api_token_use_record(*, token: ApiToken, path: str) -> None:
    """One use: when, which token, the path (no query string). No client address."""
    now = timezone.now()
    with transaction.atomic():
        ApiTokenUse.objects.create(token=token, at=now, path=path.split("?", 1)[0][:200])
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_EVERY:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
