"""The organizers' corner of the Wagtail admin: days of action, review, dashboard."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from unions.permissions import is_organizer

from . import admin_views, selectors

urlpatterns = [
    path("", admin_views.days, name="days"),
    path("<int:day_id>/review/", admin_views.review, name="review"),
    path("<int:day_id>/dashboard/", admin_views.dashboard, name="dashboard"),
    path("<int:day_id>/export.csv", admin_views.export, name="export"),
    path("<int:day_id>/import/", admin_views.import_endorsements, name="import"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("days-of-action/", include((urlpatterns, "campaigns"), namespace="campaigns"))]


class OrganizerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_organizer(request.user) or selectors.days_organized_by(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return OrganizerMenuItem(
        _("Endorsements"), reverse("campaigns:days"), icon_name="group", order=250
    )


class OrganizerPanel(Component):
    """The admin home for organizers: their days and what waits, with the organize page."""

    name = "campaigns_organizer"
    order = 50
    template_name = "campaigns/admin/home_panel.html"

    def __init__(self, rows: list[dict]):
        self.rows = rows

    def get_context_data(self, parent_context=None):
        return {"rows": self.rows, "organize_url": reverse("organize")}


@hooks.register("construct_homepage_panels")
def add_organizer_panel(request, panels):
    if not (is_organizer(request.user) or selectors.days_organized_by(request.user).exists()):
        return
    panels.append(OrganizerPanel(selectors.organized_days(request.user)))
