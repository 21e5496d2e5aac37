"""Contract language in the Wagtail admin: clause categories editors extend, a report of
how many locals proposed and won each clause, and a home panel of clauses past review."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from documents.permissions import EditorsMenuItem, may_edit_library

from . import admin_views, selectors
from .models import ClauseCategory, ClauseLibraryPage


class ClauseCategoryViewSet(SnippetViewSet):
    model = ClauseCategory
    icon = "tag"
    menu_label = _("Clause categories")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "name_es", "slug", "sort_order"]
    search_fields = ["name", "name_es"]


register_snippet(ClauseCategoryViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("contract-language/uptake/", admin_views.uptake, name="contracts_uptake")]


@hooks.register("register_reports_menu_item")
def register_uptake_report():
    return EditorsMenuItem(
        _("Contract language uptake"),
        reverse("contracts_uptake"),
        icon_name="doc-full",
        order=700,
        library_model=ClauseLibraryPage,
    )


class ReviewDuePanel(Component):
    """On the admin home, for the library's editors: clause language past its review date."""

    name = "contracts_review_due"
    order = 120
    template_name = "contracts/admin/review_panel.html"

    def __init__(self, clauses: list):
        self.clauses = clauses

    def get_context_data(self, parent_context=None):
        return {"clauses": self.clauses}


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    if not may_edit_library(request.user, ClauseLibraryPage):
        return
    clauses = selectors.clauses_past_review()
    if clauses:
        panels.append(ReviewDuePanel(clauses))
