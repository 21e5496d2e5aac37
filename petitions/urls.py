"""`<petition url>count.json` for embeds.

Wagtail serves only [\\w-]+/ path segments, so a name with a dot can't be a page route;
the project's URLconf includes this module just before Wagtail's pages. The same JSON is
always available as the page route `<petition url>count/`.
"""

from django.http import Http404
from django.urls import re_path
from wagtail.models import Page

from .models import PetitionPage

app_name = "petitions"


def count_json(request, page_path: str):
    found = Page.route_for_request(request, page_path)
    if found is None or not isinstance(found[0], PetitionPage):
        raise Http404
    # The path must name the petition itself, not one of its routes.
    view = found[1][0] if found[1] else None
    if view is not None and getattr(view, "__name__", "") != "petition":
        raise Http404
    return found[0].count_json(request)


urlpatterns = [
    re_path(r"^(?P<page_path>(?:[\w\-]+/)+)count\.json$", count_json, name="count_json"),
]
