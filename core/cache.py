"""Cache headers, in one place: which public pages a shared cache may hold, for how long, and
`no_store` for everything that shows personal data.

Default-deny. A response is public only when all of these hold:
- the route is listed below (a Django URL name, or a Wagtail page type and route name);
- the request is an anonymous GET or HEAD without a session or messages cookie;
- the page has no Wagtail view restriction;
- the response is a 200 that sets no cookie and used no CSRF token (nothing per visitor).
Everything else is marked private, and signed-in visitors' pages are never stored.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control


@dataclass(frozen=True)
class Freshness:
    max_age: int
    s_maxage: int
    stale_while_revalidate: int
    stale_if_error: int


# Pages that show a count: counts are aggregated every ~3 s and a shown count may be at most
# ~10 s stale, so 3 s fresh + 4 s served stale while refetching (+ the aggregation delay).
COUNT = Freshness(max_age=3, s_maxage=3, stale_while_revalidate=4, stale_if_error=300)
# Everything else public: e-petitions' figures. Publishing purges these at once, so the
# minute only bounds what an unpurged cache (a visitor's browser) may keep.
CONTENT = Freshness(max_age=60, s_maxage=60, stale_while_revalidate=120, stale_if_error=300)

# Django URL names (namespace:name) of public views outside Wagtail's page tree.
PUBLIC_VIEWS: dict[str, Freshness] = {
    "search": CONTENT,
    "home_root": CONTENT,
    "sitemap": CONTENT,
    "petitions:count_json": COUNT,
    "campaigns_public:tally_json": COUNT,
}

# Wagtail pages: (app_label.ModelName lower-cased, route name). "serve" is a page without
# routes. A route missing here (confirm links, organizer tools, adaptations) stays private.
PUBLIC_PAGES: dict[tuple[str, str], Freshness] = {
    ("home.homepage", "serve"): CONTENT,
    ("home.standardpage", "serve"): CONTENT,
    ("resolutions.resolutionindexpage", "index_route"): CONTENT,
    ("resolutions.resolutionpage", "index_route"): CONTENT,
    ("resolutions.resolutionpage", "pdf"): CONTENT,
    ("resolutions.resolutionpage", "adapt"): CONTENT,
    ("contracts.clauselibrarypage", "library_route"): CONTENT,
    ("contracts.clauselibrarypage", "compare"): CONTENT,
    ("contracts.contractclausepage", "index_route"): CONTENT,
    ("petitions.petitionindexpage", "serve"): COUNT,
    ("petitions.petitionpage", "petition"): COUNT,
    ("petitions.petitionpage", "signed"): COUNT,
    ("petitions.petitionpage", "count_json"): COUNT,
    ("petitions.petitionpage", "counter"): COUNT,
    ("campaigns.dayofactionindexpage", "serve"): CONTENT,
    ("campaigns.dayofactionpage", "wall"): COUNT,
    ("campaigns.dayofactionpage", "endorse"): CONTENT,
    ("campaigns.dayofactionpage", "endorse_sent"): CONTENT,
    ("campaigns.dayofactionpage", "tally"): COUNT,
    ("campaigns.dayofactionpage", "counter"): COUNT,
    ("campaigns.dayofactionpage", "calendar"): CONTENT,
    # `<index url>calendar.ics` (campaigns.calendar, served through core.routing.serve_view).
    ("campaigns.dayofactionindexpage", "calendar_feed"): CONTENT,
}

# Views whose answer really depends on the visitor's language choice (`/`, see core.language).
VARY_ON_LANGUAGE = {"home_root"}

# A request carrying one of these is a particular visitor's: never served from, or stored in,
# a shared cache. deploy/varnish/default.vcl passes the same cookies.
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def no_store(response: HttpResponse) -> HttpResponse:
    """For anything showing personal data, or a token from an email: no cache keeps it."""
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True, private=True)
    return response


def is_visitor_anonymous(request: HttpRequest) -> bool:
    """No session and no pending messages: the request could be anybody's."""
    return not any(name in request.COOKIES for name in PRIVATE_COOKIES)


def record_served_page(page, request, serve_args, serve_kwargs):
    """Tell the middleware which page and route answered (Wagtail serves every page through
    one URL name). A restricted page is recorded as such and is never public."""
    view = serve_args[0] if serve_args and callable(serve_args[0]) else None
    route = getattr(view, "__name__", "serve") if view is not None else "serve"
    request.cache_route = (page.specific_class._meta.label_lower, route)
    request.cache_restricted = bool(page.get_view_restrictions())


def freshness_for(request: HttpRequest) -> Freshness | None:
    if getattr(request, "cache_restricted", False):
        return None
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match is not None else ""
    if view_name in PUBLIC_VIEWS:
        return PUBLIC_VIEWS[view_name]
    if route := getattr(request, "cache_route", None):
        return PUBLIC_PAGES.get(route)
    return None


def _holds_something_per_visitor(request: HttpRequest, response: HttpResponse) -> bool:
    # A CSRF token in the HTML, or any cookie set, belongs to one visitor.
    return bool(response.cookies) or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def make_public(response: HttpResponse, freshness: Freshness, *, vary_language: bool) -> None:
    patch_cache_control(
        response,
        public=True,
        max_age=freshness.max_age,
        s_maxage=freshness.s_maxage,
        stale_while_revalidate=freshness.stale_while_revalidate,
        stale_if_error=freshness.stale_if_error,
    )
    # LocaleMiddleware adds Accept-Language to every path without a language prefix, though
    # with prefix_default_language=False the language there is always the default one; and
    # SessionMiddleware adds Cookie once a template asks whether `user` is signed in. For an
    # anonymous request without a session cookie neither changes the page (a request with a
    # session cookie is never served from a shared cache), so only `/` keeps them.
    drop = set() if vary_language else {"accept-language", "cookie"}
    kept = [
        v.strip()
        for v in response.get("Vary", "").split(",")
        if v.strip() and v.strip().lower() not in drop
    ]
    if vary_language:
        kept += [h for h in ("Accept-Language", "Cookie") if h.lower() not in map(str.lower, kept)]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif "Vary" in response:
        del response["Vary"]
    response.public_cache = freshness


def make_private(response: HttpResponse) -> None:
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)


class CachePolicyMiddleware:
    """Applies the policy above to every response. Sits outside the session, locale and CSRF
    middleware so that it sees (and can take out) what they add."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "page_cache_hit", False):
            return response  # already public, stored by this middleware on the miss
        freshness = freshness_for(request)
        if (
            freshness is not None
            and request.method in ("GET", "HEAD")
            and response.status_code == 200
            and is_visitor_anonymous(request)
            and not getattr(getattr(request, "user", None), "is_authenticated", False)
            and not _holds_something_per_visitor(request, response)
        ):
            view_name = getattr(getattr(request, "resolver_match", None), "view_name", "")
            make_public(response, freshness, vary_language=view_name in VARY_ON_LANGUAGE)
        elif "Cache-Control" not in response or (
            "public" in response["Cache-Control"] and not _is_static(request)
        ):
            # A view's own public header is not enough: only the routes above are public.
            make_private(response)
        return response


def _is_static(request: HttpRequest) -> bool:
    return request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL))
