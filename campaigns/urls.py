"""Public URLs a Wagtail route can't serve: `<day url>tally.json` (Wagtail page paths hold
only words and slashes). The project URLconf includes this inside i18n_patterns, before
Wagtail's catch-all: `path("", include("campaigns.urls"))`."""

from django.urls import re_path

from . import views

app_name = "campaigns_public"

urlpatterns = [
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)+)tally\.json$", views.tally_json_for_path, name="tally_json"
    ),
]
