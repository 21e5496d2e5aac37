"""The beat schedule names real tasks, and heavy work goes to its own queue."""

from django.conf import settings
from unionhall.celery import app


def test_every_petitions_beat_job_is_a_registered_task():
    import petitions.tasks  # noqa: F401  (registers the tasks)

    names = [job["task"] for job in settings.CELERY_BEAT_SCHEDULE.values()]
    ours = [name for name in names if name.startswith("petitions.")]
    assert sorted(ours) == [
        "petitions.tasks.counts_reconcile",
        "petitions.tasks.counts_refresh",
        "petitions.tasks.retention_purge",
        "petitions.tasks.signatures_expire",
    ]
    for name in ours:
        assert name in app.tasks


def test_delivery_pdf_goes_to_the_pdf_queue_and_counts_to_the_counts_queue():
    import petitions.tasks  # noqa: F401

    router = app.amqp.router
    assert router.route({}, "petitions.tasks.delivery_pdf_render")["queue"].name == "pdf"
    assert router.route({}, "petitions.tasks.counts_refresh")["queue"].name == "counts"
    assert router.route({}, "petitions.tasks.counts_reconcile")["queue"].name == "counts"
