"""Background work for the home app: sending email."""

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from .services import is_suppressed

logger = logging.getLogger(__name__)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def email_send(
    *, to: str, subject: str, text: str, html: str, language: str, reply_to: str = ""
) -> bool:
    """Send one email unless its address is suppressed. Returns whether it was sent."""
    if is_suppressed(to):
        # No address in the log: a suppressed address is still personal data.
        logger.info("email not sent: the address is suppressed")
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
