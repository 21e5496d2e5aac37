"""Mailgun's tracking webhook: a bounce or complaint suppresses the address.

anymail verifies the webhook's signature before this receiver runs; a forged request
never reaches it. Mailgun's token is single-use, so a replayed event is ignored.
"""

import logging

from anymail.signals import AnymailTrackingEvent, tracking
from django.core.cache import cache
from django.dispatch import receiver

from .email import address_suppress
from .models import SuppressedAddress

logger = logging.getLogger(__name__)

SUPPRESSING_EVENTS = {
    "bounced": SuppressedAddress.Reason.BOUNCED,
    "complained": SuppressedAddress.Reason.COMPLAINED,
    "unsubscribed": SuppressedAddress.Reason.UNSUBSCRIBED,
    "rejected": SuppressedAddress.Reason.REJECTED,
}
REPLAY_WINDOW_SECONDS = 60 * 60 * 24 * 2


def replay_key(event: AnymailTrackingEvent) -> str | None:
    esp_event = event.esp_event if isinstance(event.esp_event, dict) else {}
    token = (esp_event.get("signature") or {}).get("token") or event.event_id
    return f"mailgun-webhook:{token}" if token else None


@receiver(tracking)
def suppress_on_bounce_or_complaint(sender, event: AnymailTrackingEvent, esp_name: str, **kwargs):
    key = replay_key(event)
    if key and not cache.add(key, 1, REPLAY_WINDOW_SECONDS):
        logger.warning("ignored a replayed %s webhook", esp_name)
        return
    reason = SUPPRESSING_EVENTS.get(event.event_type)
    if reason and event.recipient:
        address_suppress(email=event.recipient, reason=reason)
        logger.info("suppressed an address after a %s event", event.event_type)
