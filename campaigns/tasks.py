"""Background jobs for days of action."""

from celery import shared_task

from . import services


@shared_task(name="campaigns.tasks.reminders_send")
def reminders_send() -> int:
    """Daily: remind approved endorsers as their day of action approaches (idempotent)."""
    return services.reminders_send()
