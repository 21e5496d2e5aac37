"""`<petition url>count.json` for embeds.

The project's URLconf includes this module just before Wagtail's pages (see home.routing);
the answer obeys the page's view restrictions like the page itself.
The same JSON is always available as the page route `<petition url>count/`.

Embeds on other sites can bring far more traffic than the petition itself, so the answer
is kept for a couple of seconds per path: a hit costs one cache read, no page routing.
"""

import json

from django.core.cache import cache
from django.http import JsonResponse
from django.urls import re_path
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from home.routing import is_restricted, page_at, serve_route

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
        page = page_at(request, page_path, PetitionPage, landing="petition")
        # The page's own `count/` route, with the page's privacy (home.routing).
        response = serve_route(request, page, "count_json")
        if response.status_code != 200 or is_restricted(page):
            # A login redirect, a password form, or a restricted page's answer for one
            # visitor: never put where the next visitor would be served it.
            return response
        data = json.loads(response.content)
        cache.set(key, data, MICRO_CACHE_SECONDS)
    return _answer(data)


urlpatterns = [
    re_path(r"^(?P<page_path>(?:[\w\-]+/)+)count\.json$", count_json, name="count_json"),
]
