"""Wagtail admin for affiliations, locals, workplaces and roles."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Affiliation, Local, Role, Workplace


class AffiliationViewSet(SnippetViewSet):
    model = Affiliation
    icon = "group"
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


class LocalViewSet(SnippetViewSet):
    model = Local
    icon = "home"
    list_display = ["display_name", "name", "city", "region", "members"]
    list_filter = ["affiliation", "region"]
    search_fields = ["number", "name", "city", "region"]


class WorkplaceViewSet(SnippetViewSet):
    model = Workplace
    icon = "site"
    list_display = ["employer", "site", "city", "local"]
    search_fields = ["employer", "site", "city"]


class RoleViewSet(SnippetViewSet):
    model = Role
    icon = "user"
    list_display = ["user", "kind", "local"]
    list_filter = ["kind"]


class UnionsGroup(SnippetViewSetGroup):
    menu_label = _("Unions")
    menu_icon = "group"
    menu_order = 200
    items = (AffiliationViewSet, LocalViewSet, WorkplaceViewSet, RoleViewSet)


register_snippet(UnionsGroup)
