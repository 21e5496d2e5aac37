"""Serving a page's route at a non-Wagtail URL, e.g. `<page url>count.json`.

Wagtail serves only [\\w-]+/ path segments, so a file name with a dot can't be a page route;
the project's URLconf routes such names to views that call `serve_at`. Such a URL is the
page's route under another name, so it goes through everything Wagtail's own `serve` runs
first: the `before_serve_page` and `on_serve_page` hooks, among them the page's view
restrictions (login, groups, password) and the no-cache headers a restricted page gets.
"""

from django.http import Http404, HttpRequest, HttpResponse
from wagtail import hooks
from wagtail.models import Page


def page_at(request: HttpRequest, page_path: str, page_type: type[Page], landing: str) -> Page:
    """The live `page_type` page that `page_path` names itself, not one of its sub-routes
    (`<day>/endorse/tally.json` is a 404). `landing` is the name of the route method that
    serves the page's own URL. Anything else is a 404 that reveals nothing.

    This only finds the page: serve what it shows with `serve_at` or `serve_route`, which
    apply the page's privacy."""
    found = Page.route_for_request(request, "/" + page_path.lstrip("/"))
    page = found[0].specific if found is not None else None
    if not isinstance(page, page_type) or not page.live:
        raise Http404
    view = found[1][0] if found[1] else None
    if view is not None and getattr(view, "__name__", "") != landing:
        raise Http404
    return page


def serve_route(request: HttpRequest, page: Page, route: str) -> HttpResponse:
    """`page`'s route named `route`, served exactly as `wagtail.views.serve` serves a page
    URL: a hook may answer instead (a login redirect, a password form), and the hooks
    wrapped around serving (view restrictions) apply to the answer."""
    match = page.resolve_subpage("/" + page.reverse_subpage(route).lstrip("/"))
    request.routable_resolver_match = match
    args, kwargs = [match.func, match.args, match.kwargs], {}

    def serve(page: Page, request: HttpRequest, args: list, kwargs: dict) -> HttpResponse:
        return page.serve(request, *args, **kwargs)

    chain = serve
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        chain = fn(chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)


def serve_at(
    request: HttpRequest, page_path: str, page_type: type[Page], landing: str, route: str
) -> HttpResponse:
    """The `route` of the page that `page_path` names (see `page_at`), with its privacy."""
    return serve_route(request, page_at(request, page_path, page_type, landing), route)


def is_restricted(page: Page) -> bool:
    """Whether any view restriction applies to `page` (its own or an ancestor's). An answer
    for a restricted page is never shared between visitors, in a cache or otherwise."""
    return bool(page.get_view_restrictions())
