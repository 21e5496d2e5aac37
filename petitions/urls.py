"""Two petition paths answered before Wagtail's pages, without walking the page tree.

- `<petition url>count.json` for embeds. The same JSON is always available as the page route
  `<petition url>count/`. Embeds on other sites can bring far more traffic than the petition
  itself, so the answer is kept for a couple of seconds per path: a hit costs one cache read.
- `<petition url>sign/`, the signing POST: the petition's signing facts come from a small
  cached record (petitions.sign_facts), so a signature costs one cache read, the rate-limit
  and time-to-fill counters, one INSERT and one broker publish. A path that is not a petition
  goes on to Wagtail as if this pattern did not exist.

The project's URLconf includes this module just before Wagtail's pages (see core.routing);
the count obeys the page's view restrictions like the page itself.
"""

import json

from django.core.cache import cache
from django.http import JsonResponse
from django.urls import re_path
from django.utils.translation import get_language
from wagtail.views import serve as wagtail_serve

from core.routing import is_restricted, page_at, serve_route

from . import views
from .models import PetitionPage
from .sign_facts import facts_for_path

app_name = "petitions"
MICRO_CACHE_SECONDS = 2


ROBOTS_HEADER = "X-Robots-Tag"


def _answer(data: dict, robots: str | None = None) -> JsonResponse:
    response = JsonResponse(data)
    response["Access-Control-Allow-Origin"] = "*"  # caching: core.cache.PUBLIC_VIEWS
    if robots:
        response[ROBOTS_HEADER] = robots
    return response


def count_json(request, page_path: str):
    key = f"petitions:countjson:{request.get_host()}:{get_language()}:{page_path}"
    data, robots = cache.get(key) or (None, None)
    if data is None:
        page = page_at(request, page_path, PetitionPage, landing="petition")
        # The page's own `count/` route, with the page's privacy (core.routing).
        response = serve_route(request, page, "count_json")
        if response.status_code != 200 or is_restricted(page):
            # A login redirect, a password form, or a restricted page's answer for one
            # visitor: never put where the next visitor would be served it.
            return response
        data = json.loads(response.content)
        # An unlisted petition's noindex is kept with the answer (PetitionPage.serve).
        robots = response.get(ROBOTS_HEADER)
        cache.set(key, (data, robots), MICRO_CACHE_SECONDS)
    return _answer(data, robots)


def sign(request, page_path: str):
    facts = facts_for_path(request, page_path)
    if facts is None:
        # Wagtail memoises a request's route; the lookup above routed the shorter path.
        request.__dict__.pop("_wagtail_route_for_request", None)
        return wagtail_serve(request, page_path + "sign/")
    response = views.sign_with_facts(request, facts)
    if facts.unlisted:
        response[ROBOTS_HEADER] = "noindex, nofollow"
    return response


urlpatterns = [
    re_path(r"^(?P<page_path>(?:[\w\-]+/)+)sign/$", sign, name="sign"),
    re_path(r"^(?P<page_path>(?:[\w\-]+/)+)count\.json$", count_json, name="count_json"),
]
