"""Email: the one path every message takes, and the list of addresses never to email.

Every app renders through `email_render` and queues through `email_queue`; the task
(`core.tasks.email_send`) checks the suppression list and the per-recipient limit."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import SuppressedAddress


def normalize_email(email: str) -> str:
    """One form per mailbox: trimmed and lower-cased (the domain is case-insensitive,
    and in practice so is the local part at every provider our members use)."""
    return email.strip().lower()


def email_queue(
    *, to: str, subject: str, text: str, html: str, language: str, reply_to: str = ""
) -> None:
    """Queue an already-rendered email; the task is sent only if the transaction commits."""
    from .tasks import email_send

    transaction.on_commit(
        lambda: email_send.delay(
            to=to, subject=subject, text=text, html=html, language=language, reply_to=reply_to
        )
    )


def email_render(*, template: str, context: dict, language: str) -> tuple[str, str, str]:
    """Render `templates/emails/<template>_subject.txt`, `.txt` and `.html` in the
    recipient's language: (subject, text, html)."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(f"Unknown language {language!r}")
    context = {**context, "site_url": settings.SITE_URL, "language": language}
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        text = render_to_string(f"emails/{template}.txt", context).strip()
        html = render_to_string(f"emails/{template}.html", context)
    return subject, text, html


def email_render_and_queue(*, to: str, template: str, context: dict, language: str) -> None:
    """Render an email now, in the request, and queue it to be sent on commit.

    Rendering here makes a template error surface in tests, and the task carries only
    strings. A hot path (signing) renders in the worker instead: see petitions.tasks.
    """
    subject, text, html = email_render(template=template, context=context, language=language)
    email_queue(to=to, subject=subject, text=text, html=html, language=language)


def address_suppress(*, email: str, reason: str) -> SuppressedAddress:
    email = normalize_email(email)
    try:
        with transaction.atomic():
            return SuppressedAddress.objects.create(email=email, reason=reason)
    except IntegrityError:
        return SuppressedAddress.objects.get(email=email)


def is_suppressed(email: str) -> bool:
    return SuppressedAddress.objects.filter(email=normalize_email(email)).exists()
