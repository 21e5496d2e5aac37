"""The page cache without an HTTP cache in front: anonymous public pages are kept in the
default cache (Redis; LocMem in the demo) by Django's own cache middleware.

Only what core.cache made public is stored, so its TTL is the page's max-age (3 s for pages
showing a count, 60 s for the rest) and publishing deletes it at once (core.frontend_cache).
A hit is answered before the session, locale and auth middleware run: no database query.

Entries are keyed by path and query, not by scheme and host. Wagtail names a page to purge by
its Site's root URL, which need not be the host the visitor typed; one deployment serves one
site (SITE_URL), and ALLOWED_HOSTS has already refused any other host.
"""

from django.conf import settings
from django.http import HttpRequest
from django.middleware import cache as django_cache

from .cache import is_visitor_anonymous


class CacheKeyRequest:
    """The request as the page cache sees it when it builds a key."""

    # The path carries the language (/es/...), and `/` varies on Accept-Language and Cookie;
    # a fixed suffix keeps the key the same before and after LocaleMiddleware has run.
    LANGUAGE_CODE = settings.LANGUAGE_CODE

    def __init__(self, request: HttpRequest) -> None:
        object.__setattr__(self, "_request", request)

    def build_absolute_uri(self, location=None) -> str:
        return self._request.get_full_path()

    def __getattr__(self, name):
        return getattr(self._request, name)

    def __setattr__(self, name, value):
        setattr(self._request, name, value)


def path_key_request(path: str) -> CacheKeyRequest:
    """A stand-in request for `path`, to find its entries when purging."""
    request = HttpRequest()
    request.path = request.path_info = path.split("?", 1)[0]
    if "?" in path:
        request.META["QUERY_STRING"] = path.split("?", 1)[1]
    return CacheKeyRequest(request)


class FetchFromCacheMiddleware(django_cache.FetchFromCacheMiddleware):
    def process_request(self, request):
        if not settings.PAGE_CACHE or not is_visitor_anonymous(request):
            # A visitor with a session gets their own page, and it is never stored.
            request._cache_update_cache = False
            return None
        response = super().process_request(CacheKeyRequest(request))
        if response is not None:
            request.page_cache_hit = True
            response["X-Page-Cache"] = "hit"
        return response


class UpdateCacheMiddleware(django_cache.UpdateCacheMiddleware):
    def _should_update_cache(self, request, response):
        # Only what the cache policy made public: never a private page, whatever its headers.
        return super()._should_update_cache(request, response) and hasattr(response, "public_cache")

    def process_response(self, request, response):
        return super().process_response(CacheKeyRequest(request), response)
