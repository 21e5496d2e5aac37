"""Contract language in the Wagtail admin: editors extend the clause categories here."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ClauseCategory


class ClauseCategoryViewSet(SnippetViewSet):
    model = ClauseCategory
    icon = "tag"
    menu_label = _("Clause categories")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "name_es", "slug", "sort_order"]
    search_fields = ["name", "name_es"]


register_snippet(ClauseCategoryViewSet)
