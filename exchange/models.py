"""API tokens: one local's key to its own data through the OSDI API, and a record of each use.

Only a token's SHA-256 is stored: whoever reads the database can't use a token. The token is
shown once, when it is made. A use records when, which token and the path asked for (ids, no
query string), never the client's address.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from unions.models import Local


def key_hash(raw: str) -> str:
    """A token's SHA-256, hex: what is stored and looked up. A token carries 256 random bits,
    so a plain hash suffices (there is nothing to guess from, unlike a password)."""
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    local = models.ForeignKey(
        Local, verbose_name=_("local"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=80)
    # The token's first characters, shown so an organizer can tell tokens apart: too short
    # to use, and not secret.
    prefix = models.CharField(_("starts with"), max_length=12)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(key_hash__regex=r"^[0-9a-f]{64}$"),
                name="exchange_apitoken_key_hash_sha256",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ApiTokenUse(models.Model):
    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="uses")
    at = models.DateTimeField(default=timezone.now)
    # The path only: ids, never a query string (which could carry anything).
    path = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["token", "at"], name="exchange_use_token_at")]

    def __str__(self) -> str:
        return f"{self.token_id} {self.at:%Y-%m-%d %H:%M} {self.path}"
