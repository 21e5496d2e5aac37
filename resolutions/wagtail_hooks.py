"""Wagtail admin: which locals adapted and adopted each model resolution."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from documents.permissions import EditorsMenuItem

from . import admin_views
from .models import ResolutionIndexPage


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("resolutions/adoptions/", admin_views.adoptions, name="resolutions_adoptions")]


@hooks.register("register_admin_menu_item")
def register_adoptions_menu_item():
    return EditorsMenuItem(
        _("Resolution adoptions"),
        reverse("resolutions_adoptions"),
        icon_name="tick-inverse",
        order=310,
        library_model=ResolutionIndexPage,
    )
