"""Page routes: the one way a page's URLs reach its app's views (`page_route`,
`RoutedPageMixin`), and serving a page's route at a non-Wagtail URL, e.g.
`<page url>count.json`.

Wagtail serves only [\\w-]+/ path segments, so a file name with a dot can't be a page route;
the project's URLconf routes such names to views that call `serve_at`. Such a URL is the
page's route under another name, so it goes through everything Wagtail's own `serve` runs
first: the `before_serve_page` and `on_serve_page` hooks, among them the page's view
restrictions (login, groups, password) and the no-cache headers a restricted page gets.
"""

from collections import defaultdict
from collections.abc import Callable

from django import urls
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern
from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def page_at(request: HttpRequest, page_path: str, page_type: type[Page], landing: str) -> Page:
    """The live `page_type` page that `page_path` names itself, not one of its sub-routes
    (`<day>/endorse/tally.json` is a 404). `landing` is the name of the route that serves
    the page's own URL. Anything else is a 404 that reveals nothing.

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
    return _serve_with_hooks(request, page, [match.func, match.args, match.kwargs], page.serve)


def serve_view(request: HttpRequest, page: Page, view: Callable) -> HttpResponse:
    """`view(request, page)` served as if it were a route of `page` named after the view,
    with the same hooks as `serve_route`: for a page without routes of its own (an index
    page's feed at `<index url>calendar.ics`)."""
    bound = BoundRoute(view, page, view.__name__)
    return _serve_with_hooks(
        request, page, [bound, [], {}], lambda request, *args, **kwargs: bound(request)
    )


def _serve_with_hooks(request: HttpRequest, page: Page, args: list, final) -> HttpResponse:
    def serve(page: Page, request: HttpRequest, args: list, kwargs: dict) -> HttpResponse:
        return final(request, *args, **kwargs)

    chain = serve
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        chain = fn(chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, {})
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, {})


def serve_at(
    request: HttpRequest, page_path: str, page_type: type[Page], landing: str, route: str
) -> HttpResponse:
    """The `route` of the page that `page_path` names (see `page_at`), with its privacy."""
    return serve_route(request, page_at(request, page_path, page_type, landing), route)


def is_restricted(page: Page) -> bool:
    """Whether any view restriction applies to `page` (its own or an ancestor's). An answer
    for a restricted page is never shared between visitors, in a cache or otherwise."""
    return bool(page.get_view_restrictions())


# Page routes, declared by each app's views module -------------------------------------------

_ROUTES: dict[type[Page], list[URLPattern]] = defaultdict(list)


def page_route(page_type: type[Page], route: str, *, name: str, regex: bool = False):
    """Declare the decorated view as `page_type`'s route `route` (a `path()` route, or a
    regular expression with `regex`), named `name` for `routablepageurl` and
    `reverse_subpage`. The view is called as `view(request, page, **kwargs)`.

    Views declare their own routes so that a page model never imports its views: each app's
    AppConfig.ready imports its views module, which fills this table before any page is
    routed."""
    make = urls.re_path if regex else urls.path

    def declare(view: Callable) -> Callable:
        _ROUTES[page_type].append(make(route, view, name=name))
        return view

    return declare


class BoundRoute:
    """A declared view bound to the page it serves, called as Wagtail calls a route method.
    Its `__name__` is the route's name, as a route method's is, for what records which route
    answered (`page_at` here, core.cache)."""

    def __init__(self, view: Callable, page: Page, name: str) -> None:
        self.view, self.page, self.__name__ = view, page, name

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return self.view(request, self.page, *args, **kwargs)


class RoutedPageMixin(RoutablePageMixin):
    """A page whose routes are the ones its app's views declare with `page_route`. Wagtail's
    own index route stays last in the table, behind the declared "" route."""

    @classmethod
    def get_subpage_urls(cls):
        declared = [pattern for klass in cls.__mro__ for pattern in _ROUTES.get(klass, ())]
        return (*declared, *super().get_subpage_urls())

    def resolve_subpage(self, path):
        match = self.get_resolver().resolve(path)
        if hasattr(match.func, "_routablepage_routes"):  # a route method of Wagtail's
            match.func = match.func.__get__(self, type(self))
        else:
            match.func = BoundRoute(match.func, self, match.url_name)
        return match
