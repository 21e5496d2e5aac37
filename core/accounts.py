"""Accounts: allauth's emails through our one email path, and the MFA gate.

Any account that can see signers' or endorsers' personal data must have MFA on before it
sees any. Views showing such data call `mfa_setup_redirect` first; the Wagtail admin is
gated as a whole by `core.middleware.AdminPolicyMiddleware`.

Failed logins are limited per account *and* client address, not per account alone: with a
per-account limit, anyone who knows a steward's email can keep them out by typing wrong
passwords. A guesser is still stopped (5 tries per 5 minutes per address and account, 10
a minute per address across accounts), and a password reset clears the lock, as allauth does.
"""

import hmac
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal.ratelimit import truncate_ip
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import linebreaks, urlize
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .email import email_queue
from .ratelimit import client_address


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request: HttpRequest) -> str:
        """The client, as allauth's rate limits see it: the address our proxies vouch for
        (settings.TRUSTED_PROXY_HOPS, as every other limit here), an IPv6 client by its /64
        as allauth does, and only as a keyed hash: allauth puts this value in cache keys,
        and raw addresses are never stored."""
        address = truncate_ip(client_address(request))
        digest = hmac.new(settings.HASH_KEY.encode(), f"client:{address}".encode(), "sha256")
        return "client-" + digest.hexdigest()[:32]

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        # allauth keys the `login_failed` "/key" limit with this; adding the client makes it
        # per account and address (see the module docstring). allauth calls it again after a
        # password reset to clear the limit, for the address the reset is finished from.
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{self.get_client_ip(request)}"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        message = self.render_mail(template_prefix, email, context)
        html = next(
            (body for body, kind in getattr(message, "alternatives", []) if kind == "text/html"),
            None,
        )
        if html is None:
            html = render_to_string(
                "emails/base.html",
                {"subject": message.subject, "body_html": linebreaks(urlize(message.body))},
            )
        email_queue(
            to=email,
            subject=message.subject,
            text=message.body,
            html=html,
            language=translation.get_language() or "en",
        )


def needs_mfa(user) -> bool:
    return user.is_authenticated and not is_mfa_enabled(user)


def mfa_setup_redirect(request: HttpRequest) -> HttpResponseRedirect | None:
    """Send a signed-in person without MFA to set it up, then back here."""
    if not needs_mfa(request.user):
        return None
    messages.warning(
        request,
        _("This page shows people's personal data. Turn on two-factor authentication to see it."),
    )
    return HttpResponseRedirect(
        reverse("mfa_activate_totp") + "?" + urlencode({"next": request.get_full_path()})
    )
