"""The OSDI API's views: HAL+JSON, read-only, for one local's token.

Every answer is JSON, errors included: 401 without a live token (with WWW-Authenticate),
404 for anything outside the token's local (the same as for what does not exist, so a
token can't learn what other locals have), 429 with Retry-After past the token's rate
limit, 400 for a bad page number. Nothing is cached anywhere (no-store, and Vary on the
headers that carry the token).
"""

import functools
import json
from collections.abc import Callable

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.cache import no_store
from core.ratelimit import allow, seconds_left
from petitions import selectors as petition_selectors
from petitions.models import governing_attach

from . import osdi, selectors, services
from .models import ApiToken

HAL = "application/hal+json"
RATE_WINDOW_SECONDS = 60


def hal(data: dict, status: int = 200, content_type: str = HAL) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False), status=status, content_type=content_type
    )
    no_store(response)
    patch_vary_headers(response, ["Authorization", "OSDI-API-Token"])
    return response


def error(message: str, status: int) -> HttpResponse:
    return hal({"error": message}, status=status, content_type="application/json")


def unauthorized(message: str) -> HttpResponse:
    response = error(message, 401)
    response["WWW-Authenticate"] = 'Bearer realm="osdi"'
    return response


def not_found() -> HttpResponse:
    return error(_("Not found."), 404)


def presented_token(request: HttpRequest) -> str:
    """`Authorization: Bearer <token>`, or OSDI's own `OSDI-API-Token: <token>`."""
    header = request.headers.get("Authorization", "")
    scheme, _space, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("OSDI-API-Token", "").strip()


def api_view(view: Callable) -> Callable:
    @functools.wraps(view)
    @require_safe
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        raw = presented_token(request)
        if not raw:
            return unauthorized(_("An API token is required: send Authorization: Bearer <token>."))
        token = selectors.token_for(raw)
        if token is None:
            return unauthorized(_("This API token is not valid, or it was revoked."))
        # Keyed by the token's id (core.ratelimit hashes it): one token's limit, wherever
        # its requests come from.
        if not allow(
            scope="exchange:token",
            limit=settings.EXCHANGE_TOKEN_LIMIT,
            window_seconds=RATE_WINDOW_SECONDS,
            address=f"token-{token.pk}",
        ):
            response = error(_("Too many requests with this token. Try again shortly."), 429)
            response["Retry-After"] = str(seconds_left(RATE_WINDOW_SECONDS))
            return response
        services.api_token_use_record(token=token, path=request.path)
        return view(request, token, *args, **kwargs)

    return wrapped


def paging(request: HttpRequest) -> tuple[int, int] | HttpResponse:
    try:
        page = int(request.GET.get("page", "1"))
        per_page = int(request.GET.get("per_page", str(osdi.PER_PAGE)))
    except ValueError:
        return error(_("page and per_page must be whole numbers."), 400)
    if page < 1 or per_page < 1:
        return error(_("page and per_page must be at least 1."), 400)
    return page, min(per_page, osdi.MAX_PER_PAGE)


def paged(request: HttpRequest, rel: str, rows, render: Callable[[list], list[dict]]):
    found = paging(request)
    if isinstance(found, HttpResponse):
        return found
    page, per_page = found
    paginator = Paginator(rows, per_page)
    try:
        chunk = list(paginator.page(page).object_list)
    except EmptyPage:
        chunk = []  # past the last page: an empty page that still says how many there are
    return hal(
        osdi.collection(
            request, rel, items=render(chunk), total=paginator.count, page=page, per_page=per_page
        )
    )


@api_view
def aep(request: HttpRequest, token: ApiToken) -> HttpResponse:
    return hal(osdi.entry_point(osdi.Links(request)))


@api_view
def petitions(request: HttpRequest, token: ApiToken) -> HttpResponse:
    links = osdi.Links(request)

    def render(pages: list) -> list[dict]:
        governing_attach(pages)
        tallies = petition_selectors.petition_tallies(pages)
        return [osdi.petition(p, links, total=tallies[p.pk].count) for p in pages]

    return paged(request, "petitions", selectors.petitions_for(token), render)


def _petition(token: ApiToken, pk: int):
    return selectors.petitions_for(token).filter(pk=pk).first()


@api_view
def petition(request: HttpRequest, token: ApiToken, pk: int) -> HttpResponse:
    page = _petition(token, pk)
    if page is None:
        return not_found()
    total = petition_selectors.petition_tally(page).count
    return hal(osdi.petition(page, osdi.Links(request), total=total))


@api_view
def signatures(request: HttpRequest, token: ApiToken, pk: int) -> HttpResponse:
    page = _petition(token, pk)
    if page is None:
        return not_found()
    links = osdi.Links(request)
    return paged(
        request,
        "signatures",
        selectors.signatures_for(page),
        lambda rows: [osdi.signature(s, page, links) for s in rows],
    )


@api_view
def signature(request: HttpRequest, token: ApiToken, pk: int, signature_pk: int):
    page = _petition(token, pk)
    found = selectors.signatures_for(page).filter(pk=signature_pk).first() if page else None
    if found is None:
        return not_found()
    return hal(osdi.signature(found, page, osdi.Links(request)))


@api_view
def events(request: HttpRequest, token: ApiToken) -> HttpResponse:
    links = osdi.Links(request)
    return paged(
        request,
        "events",
        selectors.days_for(token),
        lambda days: [osdi.event(d, links) for d in days],
    )


@api_view
def event(request: HttpRequest, token: ApiToken, pk: int) -> HttpResponse:
    day = selectors.days_for(token).filter(pk=pk).first()
    if day is None:
        return not_found()
    return hal(osdi.event(day, osdi.Links(request)))


def _organizations(request: HttpRequest, rows) -> HttpResponse:
    links = osdi.Links(request)
    return paged(
        request, "organizations", rows, lambda items: [osdi.organization(e, links) for e in items]
    )


@api_view
def event_organizations(request: HttpRequest, token: ApiToken, pk: int) -> HttpResponse:
    day = selectors.days_for(token).filter(pk=pk).first()
    if day is None:
        return not_found()
    return _organizations(request, selectors.organizations_for(token, day))


@api_view
def organizations(request: HttpRequest, token: ApiToken) -> HttpResponse:
    return _organizations(request, selectors.organizations_for(token))


@api_view
def organization(request: HttpRequest, token: ApiToken, pk: int) -> HttpResponse:
    found = selectors.organizations_for(token).filter(pk=pk).first()
    if found is None:
        return not_found()
    return hal(osdi.organization(found, osdi.Links(request)))


@api_view
def tags(request: HttpRequest, token: ApiToken) -> HttpResponse:
    links = osdi.Links(request)
    return paged(
        request,
        "tags",
        osdi.tag_list(),
        lambda rows: [osdi.tag(tag_id, name, links) for tag_id, name in rows],
    )


@api_view
def tag(request: HttpRequest, token: ApiToken, tag_id: str) -> HttpResponse:
    name = dict(osdi.tag_list()).get(tag_id)
    if name is None:
        return not_found()
    return hal(osdi.tag(tag_id, name, osdi.Links(request)))
