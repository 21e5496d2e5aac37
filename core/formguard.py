"""The time-to-fill token every anonymous form carries (sign, endorse, adapt/download).

A token is `<issued>.<nonce>:<signature>`, signed with the project's key. A submission passes
when the token is genuine, at least MIN_FILL_SECONDS and at most MAX_AGE_SECONDS old, and
has not been used more than the reuse limit from the same address.

Why a reuse limit and not "one token, one form load": public pages are served from a shared
cache (Varnish, then the Redis page cache), so every visitor within a cache lifetime gets the
same HTML and the same token. A strict single use would refuse every coworker but the first.
Instead each use is counted in Redis under the token's nonce plus the expiring keyed hash of
the client's address (core.ratelimit.address_key): the raw address is never stored, and the
count forgets itself when the token expires.

The trade-off is break-room wifi: coworkers behind one address who load the page within one
cache lifetime share one token *and* one counter. The limit (settings.FORMGUARD_REUSE_LIMIT,
default 20) is therefore sized for a shift signing on one wifi in a minute or two, not for one
person; whoever goes past it is not lost, they get the form back with their answers and a
fresh token (a re-rendered form is never cached) and send it again. A bot that replays one
token gets at most the limit through, must come back for a new page (the same cached nonce
until the cache refreshes) and still meets the per-address rate limits of each form.

Checking costs one Redis round trip (core.ratelimit.hit), and the signing path counts the
token together with its rate limit in that same round trip.
"""

import enum
import secrets
import time

from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from core.ratelimit import address_key, client_address, hit

SALT = "core.formguard"
MIN_FILL_SECONDS = 3
MAX_AGE_SECONDS = 24 * 3600
# The hidden field every guarded form posts its token in.
FIELD = "started"


class Verdict(enum.Enum):
    OK = "ok"
    TOO_FAST = "too_fast"
    INVALID = "invalid"  # missing, forged or older than MAX_AGE_SECONDS
    REUSED = "reused"


MESSAGES = {
    Verdict.TOO_FAST: _(
        "That was faster than a person can fill in the form. "
        "Please check your answers and send it again."
    ),
    # A forged or day-old token gets the same answer: nothing to learn from it.
    Verdict.INVALID: _(
        "That was faster than a person can fill in the form. "
        "Please check your answers and send it again."
    ),
    Verdict.REUSED: _(
        "This form has been sent too many times from your network. "
        "Please check your answers and send it again."
    ),
}


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT)


def token_issue(*, at: float | None = None) -> str:
    """A fresh token for one rendering of a form."""
    issued = int(at if at is not None else time.time())
    return _signer().sign(f"{issued}.{secrets.token_urlsafe(9)}")


def token_read(
    request: HttpRequest, token: object, *, scope: str, now: float | None = None
) -> tuple[Verdict, tuple[str, int] | None]:
    """Judge the token's signature and age, without Redis. For a token that passes, also
    the `(key, ttl)` that counts its uses from this address (core.ratelimit.hit_many);
    `token_reused` judges that count."""
    now = now if now is not None else time.time()
    try:
        issued_text, nonce = _signer().unsign(str(token or "")[:200]).split(".", 1)
        issued = int(issued_text)
    except (signing.BadSignature, ValueError):
        return Verdict.INVALID, None
    elapsed = now - issued
    if elapsed > MAX_AGE_SECONDS:
        return Verdict.INVALID, None
    if elapsed < MIN_FILL_SECONDS:
        return Verdict.TOO_FAST, None
    # The window of address_key is the token's own issue time: the key is fixed for the
    # token's life and expires with it.
    key = address_key(f"fg:{scope}:{nonce}", client_address(request), issued)
    return Verdict.OK, (key, max(1, int(issued + MAX_AGE_SECONDS - now) + 5))


def token_reused(uses: int) -> bool:
    return uses > settings.FORMGUARD_REUSE_LIMIT


def token_check(
    request: HttpRequest, token: object, *, scope: str, now: float | None = None
) -> Verdict:
    """Judge the token a form came back with, and count this use of it."""
    verdict, use = token_read(request, token, scope=scope, now=now)
    if use is not None and token_reused(hit(*use)):
        return Verdict.REUSED
    return verdict


def refusal(verdict: Verdict) -> str:
    """The translated message for a refused token ("" when it passed)."""
    return str(MESSAGES[verdict]) if verdict in MESSAGES else ""
