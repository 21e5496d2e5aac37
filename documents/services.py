"""Writes shared by the model libraries (resolutions and contract language)."""

from django.db import transaction


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
