"""The project's URLconf with petitions.urls included before Wagtail's pages, as the
report asks the lead to do in site/urls.py."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from unionhall.urls import urlpatterns as project_urlpatterns

urlpatterns = i18n_patterns(
    path("", include("petitions.urls")), prefix_default_language=False
) + list(project_urlpatterns)
