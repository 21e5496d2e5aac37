"""Reminder emails before the day, once per endorsement, switchable per day."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from campaigns.models import Endorsement
from campaigns.tasks import reminders_send

from .conftest import make_endorsement

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def soon(day):
    day.date = timezone.localdate() + datetime.timedelta(days=2)
    day.reminder_days_before = 3
    day.save_revision().publish()
    return day


def test_approved_endorsers_are_reminded_once(soon):
    make_endorsement(soon, organisation_name="Harbor Nurses", contact_email="a@x.example")
    make_endorsement(
        soon,
        organisation_name="Waiting",
        contact_email="b@x.example",
        status=Endorsement.Status.PENDING_REVIEW,
    )
    make_endorsement(
        soon,
        organisation_name="Gone",
        contact_email="c@x.example",
        status=Endorsement.Status.WITHDRAWN,
    )
    assert reminders_send() == 1
    assert [m.to for m in mail.outbox] == [["a@x.example"]]
    message = mail.outbox[0]
    assert "in 2 days" in message.subject
    assert "Harbor Nurses" in message.body
    assert "/endorsement/" in message.body
    assert reminders_send() == 0  # Celery may run the task twice
    assert len(mail.outbox) == 1


def test_no_reminders_when_switched_off_or_too_early(soon):
    make_endorsement(soon, contact_email="a@x.example")
    soon.reminders_enabled = False
    soon.save_revision().publish()
    assert reminders_send() == 0
    soon.reminders_enabled = True
    soon.reminder_days_before = 1
    soon.save_revision().publish()
    assert reminders_send() == 0
    assert mail.outbox == []
