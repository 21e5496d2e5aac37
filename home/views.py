"""Views that are not pages: health check, site search and the account home."""

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from unions.models import Role

from .search import clean_query

logger = logging.getLogger(__name__)

SEARCH_QUERY_MAX = 200
SEARCH_RESULTS_MAX = 50


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means "not reachable"; the type is logged, not shown
        logger.exception("health check: database unreachable")
        return False


def cache_ok() -> bool:
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:
        logger.exception("health check: cache unreachable")
        return False


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database and Redis answer, 503 otherwise. Says nothing else."""
    checks = {"database": database_ok(), "cache": cache_ok()}
    healthy = all(checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        **{k: "ok" if v else "down" for k, v in checks.items()},
    }
    return JsonResponse(body, status=200 if healthy else 503)


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = clean_query(request.GET.get("q", ""), SEARCH_QUERY_MAX)
    results = []
    if query:
        pages = Page.objects.live().public().filter(depth__gt=1)
        try:
            locale = Locale.objects.get(language_code=translation.get_language())
            pages = pages.filter(locale=locale)
        except Locale.DoesNotExist:
            pass
        # specific() before searching: one query per page type, not one per result.
        results = list(pages.specific().search(query)[:SEARCH_RESULTS_MAX])
    return render(request, "home/search.html", {"query": query, "results": results})


@never_cache
@login_required
def account_home(request: HttpRequest) -> HttpResponse:
    from allauth.mfa.utils import is_mfa_enabled

    roles = Role.objects.filter(user=request.user).select_related("local__affiliation")
    return render(
        request,
        "home/account_home.html",
        {
            "roles": roles,
            "mfa_enabled": is_mfa_enabled(request.user),
            "site_url": settings.SITE_URL,
        },
    )
