"""Celery tasks for petitions: they take ids, call services and are safe to run twice."""

from celery import shared_task

from . import services


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def signature_email_send(*, signature_id: int, page_id: int, template: str, language: str) -> bool:
    """Render and send a signer's confirmation or already-signed email (queue "email")."""
    return services.signature_email_send(
        signature_id=signature_id, page_id=page_id, template=template, language=language
    )


@shared_task
def counts_refresh() -> int:
    """Every 3 s (beat): recount petitions whose signatures changed."""
    return len(services.counts_refresh())


@shared_task
def counts_reconcile() -> int:
    """Nightly: exact recount of every petition."""
    return services.counts_reconcile()


@shared_task
def signatures_expire() -> int:
    return services.signatures_expire()


@shared_task
def retention_purge() -> int:
    return services.retention_purge()


@shared_task
def delivery_pdf_render(pdf_id: int) -> None:
    """Routed to the "pdf" queue by name."""
    services.delivery_pdf_render(pdf_id=pdf_id)


@shared_task
def threshold_notices_send(source_id: int) -> int:
    """Once, when a petition's seal threshold is reached: a notice task per signer."""
    return services.threshold_notices_send(source_id=source_id)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def threshold_notice_send(signature_id: int) -> bool:
    """Queue "email": one signer told the threshold was reached and when names show."""
    return services.threshold_notice_send(signature_id=signature_id)
