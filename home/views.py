"""Views that are not pages: site search and the account home."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from core.cache import no_store
from core.search import clean_query
from petitions.models import PetitionPage
from unions.selectors import roles_of

SEARCH_QUERY_MAX = 200
SEARCH_RESULTS_MAX = 50


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = clean_query(request.GET.get("q", ""), SEARCH_QUERY_MAX)
    results = []
    if query:
        pages = Page.objects.live().public().filter(depth__gt=1)
        # Unlisted petitions are found only through their link (PetitionPage.objects.listed).
        unlisted = list(PetitionPage.objects.unlisted().values_list("pk", flat=True))
        if unlisted:
            pages = pages.exclude(pk__in=unlisted)
        try:
            locale = Locale.objects.get(language_code=translation.get_language())
            pages = pages.filter(locale=locale)
        except Locale.DoesNotExist:
            pass
        # specific() before searching: one query per page type, not one per result.
        results = list(pages.specific().search(query)[:SEARCH_RESULTS_MAX])
    return render(request, "home/search.html", {"query": query, "results": results})


@login_required
def account_home(request: HttpRequest) -> HttpResponse:
    from allauth.mfa.utils import is_mfa_enabled

    roles = roles_of(request.user)
    return no_store(
        render(
            request,
            "home/account_home.html",
            {
                "roles": roles,
                "mfa_enabled": is_mfa_enabled(request.user),
                "site_url": settings.SITE_URL,
            },
        )
    )
