"""Public URLs a Wagtail route can't serve (Wagtail page paths hold only words and slashes):
`<day url>tally.json`, and `calendar.ics` for a day or for the days' index. The project URLconf
includes this inside i18n_patterns, before Wagtail's catch-all, so `/es/...` works too:
`path("", include("campaigns.urls"))`."""

from django.urls import re_path

from . import calendar, views

app_name = "campaigns_public"

urlpatterns = [
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)+)tally\.json$", views.tally_json_for_path, name="tally_json"
    ),
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)+)calendar\.ics$",
        calendar.calendar_for_path,
        name="calendar_ics",
    ),
]
