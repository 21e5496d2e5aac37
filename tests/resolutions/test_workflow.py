"""Editors send resolution changes through review before they are published."""

from django.contrib.auth.models import Group

from documents.services import review_workflow_ensure
from resolutions.apps import REVIEW_WORKFLOW
from tests.factories import UserFactory

from .conftest import make_resolution


def test_resolutions_go_through_review_before_publishing(library):
    workflow = review_workflow_ensure(name=REVIEW_WORKFLOW, pages=[library])
    assert review_workflow_ensure(name=REVIEW_WORKFLOW, pages=[library]) == workflow  # idempotent
    page = make_resolution(library, slug="new", title="A new model")
    assert page.get_workflow() == workflow
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    page.title = "A new model, revised"
    page.save_revision(user=editor)
    state = workflow.start(page, editor)
    page.refresh_from_db()
    assert state.status == "in_progress"
    assert page.title == "A new model"  # the live page is unchanged until approved
    assert page.workflow_in_progress


def test_every_new_library_gets_the_review_workflow(library):
    from wagtail.models import WorkflowPage

    spanish = library.get_translation(library.get_translations().first().locale)
    assigned = set(WorkflowPage.objects.values_list("page_id", flat=True))
    assert {library.pk, spanish.pk} <= assigned
    assert library.get_workflow().name == "Resolution review"
