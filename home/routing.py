"""Finding the page a non-Wagtail URL names, e.g. `<page url>count.json`.

Wagtail serves only [\\w-]+/ path segments, so a file name with a dot can't be a page route;
the project's URLconf routes such names to views that call `page_at`.
"""

from django.http import Http404, HttpRequest
from wagtail.models import Page


def page_at(request: HttpRequest, page_path: str, page_type: type[Page], landing: str) -> Page:
    """The live `page_type` page that `page_path` names itself, not one of its sub-routes
    (`<day>/endorse/tally.json` is a 404). `landing` is the name of the route method that
    serves the page's own URL. Anything else is a 404 that reveals nothing."""
    found = Page.route_for_request(request, "/" + page_path.lstrip("/"))
    page = found[0].specific if found is not None else None
    if not isinstance(page, page_type) or not page.live:
        raise Http404
    view = found[1][0] if found[1] else None
    if view is not None and getattr(view, "__name__", "") != landing:
        raise Http404
    return page
