"""`<petition url>count.json` for embeds.

Wagtail serves only [\\w-]+/ path segments, so a name with a dot can't be a page route;
the project's URLconf includes this module just before Wagtail's pages. The same JSON is
always available as the page route `<petition url>count/`.

Embeds on other sites can bring far more traffic than the petition itself, so the answer
is kept for a couple of seconds per path: a hit costs one cache read, no page routing.
"""

import json

from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.urls import re_path
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from wagtail.models import Page

from .models import PetitionPage

app_name = "petitions"
MICRO_CACHE_SECONDS = 2


def _answer(data: dict) -> JsonResponse:
    response = JsonResponse(data)
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=5)
    return response


def count_json(request, page_path: str):
    key = f"petitions:countjson:{request.get_host()}:{get_language()}:{page_path}"
    data = cache.get(key)
    if data is None:
        found = Page.route_for_request(request, page_path)
        if found is None or not isinstance(found[0], PetitionPage):
            raise Http404
        # The path must name the petition itself, not one of its routes.
        view = found[1][0] if found[1] else None
        if view is not None and getattr(view, "__name__", "") != "petition":
            raise Http404
        data = json.loads(found[0].count_json(request).content)
        cache.set(key, data, MICRO_CACHE_SECONDS)
    return _answer(data)


urlpatterns = [
    re_path(r"^(?P<page_path>(?:[\w\-]+/)+)count\.json$", count_json, name="count_json"),
]
