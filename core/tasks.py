"""Background work for the core: sending email.

`email_send` is the one path every email takes, so the limit on emails per recipient lives
here, in the worker and off the request: someone signing twenty times with one address (or
with a stranger's) sends at most settings.EMAILS_PER_RECIPIENT emails to it per window. The count is
kept under an expiring keyed hash of the normalized address (core.ratelimit), never the
address itself, and nothing about the address reaches the log.
"""

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from .email import is_suppressed, normalize_email
from .ratelimit import allow

logger = logging.getLogger(__name__)


def recipient_allowed(to: str, *, now: float | None = None) -> bool:
    """Count one email to `to`; False once the address has had its share this window."""
    return allow(
        scope="email:to",
        address=normalize_email(to),
        limit=settings.EMAILS_PER_RECIPIENT,
        window_seconds=settings.EMAIL_RECIPIENT_WINDOW_SECONDS,
        now=now,
    )


# The task keeps the name it was registered under when it lived in `home`, so emails
# queued by a running deployment are still sent after an upgrade.
@shared_task(
    name="home.tasks.email_send", autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def email_send(
    *, to: str, subject: str, text: str, html: str, language: str, reply_to: str = ""
) -> bool:
    """Send one email unless its address is suppressed. Returns whether it was sent."""
    if is_suppressed(to):
        # No address in the log: a suppressed address is still personal data.
        logger.info("email not sent: the address is suppressed")
        return False
    if not recipient_allowed(to):
        logger.info("email not sent: the recipient had enough emails this hour")
        return False
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=[reply_to] if reply_to else None,
        headers={"Content-Language": language},
    )
    message.attach_alternative(html, "text/html")
    message.send()
    return True
