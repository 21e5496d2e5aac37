"""One task through a real broker: Redis carries the confirmation email's arguments as JSON
to a Celery worker, so what `signature_create` queues is proven serialisable (the rest of the
suite runs tasks eagerly, where arguments never leave the process)."""

import re
import time

import pytest
from django.conf import settings
from unionhall.celery import app

from petitions import services
from petitions.models import Signature
from tests.petitions.conftest import make_petition

WAIT_SECONDS = 30


@pytest.fixture
def real_broker():
    """Celery as in production for one test: nothing eager, JSON on the test's Redis db.
    The eager settings the rest of the suite uses come back when it ends."""
    production_like = {
        "task_always_eager": False,
        "task_eager_propagates": False,
        "broker_url": settings.REDIS_URL,
        "task_serializer": "json",
        "accept_content": ["json"],
    }
    saved = {key: app.conf[key] for key in production_like}
    app.conf.update(production_like)
    with app.connection_for_write() as connection:
        for queue in ("email", "default"):
            connection.default_channel.queue_purge(queue)
    try:
        yield app
    finally:
        app.conf.update(saved)
    assert app.conf.task_always_eager is True


def wait_for(outbox, count: int) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while len(outbox) < count and time.monotonic() < deadline:
        time.sleep(0.1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_spanish_signature_emails_through_redis_and_a_real_worker(
    real_broker, home, mailoutbox, settings
):
    from celery.contrib.testing.worker import start_worker

    settings.SITE_URL = "https://hall.example.org"
    petition = make_petition(home)
    with start_worker(
        real_broker, pool="solo", perform_ping_check=False, queues=["email", "default"]
    ):
        # Autocommit, as in a request: the task is queued when the INSERT commits.
        result = services.signature_create(
            petition=petition,
            name="Ana Quispe",
            email="ana@example.org",
            department="Empaque",
            language="es",
        )
        wait_for(mailoutbox, 1)
    assert result.created
    assert Signature.objects.get().language == "es"
    assert len(mailoutbox) == 1, "the worker sent nothing within the wait"
    email = mailoutbox[0]
    assert email.to == ["ana@example.org"]
    assert email.subject == "Confirme su firma: Agua en el muelle"
    assert email.extra_headers["Content-Language"] == "es"
    assert "Gracias por firmar “Agua en el muelle”, dirigida a Gerencia de Acme." in email.body
    assert "Abra este enlace y presione el botón" in email.body
    assert re.search(
        r"https://hall\.example\.org/es/petitions/water-at-the-dock/confirm/[\w:-]+/", email.body
    ), email.body
