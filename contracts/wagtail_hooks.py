"""Contract language in the Wagtail admin: clause categories editors extend, and a report of
how many locals proposed and won each clause."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from documents.permissions import EditorsMenuItem

from . import admin_views
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
