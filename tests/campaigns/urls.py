"""The project's URLconf plus the one pattern `<day>/tally.json` needs (see
campaigns.views.tally_json_for_path), so the tests prove it once the lead wires it in."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import re_path
from unionhall.urls import urlpatterns as project_patterns

from campaigns.views import tally_json_for_path

urlpatterns = [
    *i18n_patterns(
        re_path(r"^(?P<page_path>(?:[\w\-]+/)+)tally\.json$", tally_json_for_path),
        prefix_default_language=False,
    ),
    *project_patterns,
]
