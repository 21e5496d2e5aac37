"""The project's URLconf with campaigns.urls included as the lead is asked to, so the
tests show `<day>/tally.json` working once it is wired in."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from unionhall.urls import urlpatterns as project_patterns

urlpatterns = [
    *i18n_patterns(path("", include("campaigns.urls")), prefix_default_language=False),
    *project_patterns,
]
