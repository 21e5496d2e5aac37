"""Mailgun's tracking webhook: signatures verified, replays ignored, bounces suppressed."""

import hashlib
import hmac
import json
import time

import pytest
from django.conf import settings
from django.core import mail

from core.email import email_queue
from core.models import SuppressedAddress

URL = "/anymail/mailgun/tracking/"


def mailgun_payload(event: str, recipient: str, *, key: str | None = None, token="t" * 50):
    timestamp = str(int(time.time()))
    key = key or settings.ANYMAIL["MAILGUN_WEBHOOK_SIGNING_KEY"]
    signature = hmac.new(key.encode(), (timestamp + token).encode(), hashlib.sha256).hexdigest()
    event_data = {
        "event": event,
        "recipient": recipient,
        "timestamp": float(timestamp),
        "id": "event-" + token[:8],
        "message": {"headers": {"message-id": "abc@mg.example.org"}},
    }
    if event == "failed":
        event_data.update({"severity": "permanent", "reason": "bounce"})
    return {
        "signature": {"timestamp": timestamp, "token": token, "signature": signature},
        "event-data": event_data,
    }


def post(client, payload):
    return client.post(URL, data=json.dumps(payload), content_type="application/json")


@pytest.mark.django_db
def test_a_signed_bounce_suppresses_the_address(client):
    response = post(client, mailgun_payload("failed", "Gone@Example.org"))
    assert response.status_code == 200
    assert SuppressedAddress.objects.get().email == "gone@example.org"
    assert SuppressedAddress.objects.get().reason == SuppressedAddress.Reason.BOUNCED


@pytest.mark.django_db
def test_a_complaint_suppresses_the_address(client):
    post(client, mailgun_payload("complained", "angry@example.org"))
    assert SuppressedAddress.objects.get(email="angry@example.org").reason == "complained"


@pytest.mark.django_db
def test_a_forged_signature_is_rejected_and_changes_nothing(client):
    payload = mailgun_payload("failed", "victim@example.org", key="not-the-real-key")
    response = post(client, payload)
    assert response.status_code == 400
    assert not SuppressedAddress.objects.exists()


@pytest.mark.django_db
def test_a_replayed_webhook_is_ignored(client):
    payload = mailgun_payload("complained", "first@example.org", token="r" * 50)
    assert post(client, payload).status_code == 200
    SuppressedAddress.objects.all().delete()
    assert post(client, payload).status_code == 200
    assert not SuppressedAddress.objects.exists()


@pytest.mark.django_db
def test_a_delivered_event_suppresses_nothing(client):
    post(client, mailgun_payload("delivered", "happy@example.org"))
    assert not SuppressedAddress.objects.exists()


@pytest.mark.django_db
def test_a_suppressed_address_is_never_emailed(django_capture_on_commit_callbacks):
    SuppressedAddress.objects.create(email="gone@example.org", reason="bounced")
    with django_capture_on_commit_callbacks(execute=True):
        email_queue(to="GONE@example.org", subject="s", text="t", html="<p>t</p>", language="en")
        email_queue(to="here@example.org", subject="s", text="t", html="<p>t</p>", language="en")
    assert [m.to for m in mail.outbox] == [["here@example.org"]]


@pytest.mark.django_db
def test_no_email_is_sent_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                email_queue(to="a@example.org", subject="s", text="t", html="h", language="en")
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert mail.outbox == []
