"""Who is an editor of the model-language libraries: the one definition every admin view and
menu item of resolutions and contracts checks.

Reaching the Wagtail admin proves little: organizers get `access_admin` to moderate
endorsements. An editor is someone who may change or publish a library's pages (Wagtail's
"Editors" and "Moderators" groups, or a page permission given on the library); only editors
see which locals adapted, adopted or proposed what, private reports included.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

EDIT_ACTIONS = frozenset({"change", "publish"})


def may_edit_library(user, library_model: type[Page]) -> bool:
    """True when the user may change or publish some library of this type (any language)."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    policy = PagePermissionPolicy()
    return any(
        policy.user_has_any_permission_for_instance(user, EDIT_ACTIONS, library)
        for library in library_model.objects.all()
    )


def require_library_editor(user, library_model: type[Page]) -> None:
    if not may_edit_library(user, library_model):
        raise PermissionDenied("Only the library's editors can see this.")


class EditorsMenuItem(MenuItem):
    """A menu item shown only to the editors of `library_model`'s libraries."""

    def __init__(self, *args, library_model: type[Page], **kwargs):
        super().__init__(*args, **kwargs)
        self.library_model = library_model

    def is_shown(self, request) -> bool:
        return may_edit_library(request.user, self.library_model)
