"""Writes for the home app: the one path every email takes."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

from .emails import normalize_email
from .models import SuppressedAddress


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


def review_workflow_ensure(*, name: str, pages) -> object:
    """Changes to model texts go through review before publishing: a workflow `name` with
    one moderators' approval task, assigned to the given pages (a library's workflow covers
    every page beneath it). Idempotent."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    with transaction.atomic():
        workflow, _created = Workflow.objects.get_or_create(name=name)
        task_name = f"{name}: moderators"
        task = GroupApprovalTask.objects.filter(name=task_name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=task_name)
            moderators = Group.objects.filter(name="Moderators").first()
            if moderators is not None:
                task.groups.add(moderators)
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        for page in pages:
            WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
