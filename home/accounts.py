"""Accounts: allauth's emails through our one email path, and the MFA gate.

Any account that can see signers' or endorsers' personal data must have MFA on before it
sees any. Views showing such data call `mfa_setup_redirect` first; the Wagtail admin is
gated as a whole by `home.middleware.AdminPolicyMiddleware`.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.http import HttpRequest, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import linebreaks, urlize
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .services import email_queue


class AccountAdapter(DefaultAccountAdapter):
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
