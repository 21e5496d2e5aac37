"""Admin views (behind Wagtail's admin login and MFA): the adoption overview for editors."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from documents.permissions import require_library_editor
from documents.selectors import counts_for

from . import selectors
from .models import Adaptation, ResolutionIndexPage, ResolutionPage


def adoptions(request: HttpRequest) -> HttpResponse:
    """Every model resolution with the locals that adapted it: status, result, visibility.

    Editors are union staff and see private reports too; the public pages never do, and
    nor does an organizer who reaches the admin only to moderate.
    """
    require_library_editor(request.user, ResolutionIndexPage)
    resolutions = list(
        ResolutionPage.objects.filter(locale__language_code="en")
        .select_related("locale")
        .order_by("number")
    )
    keys = [page.translation_key for page in resolutions]
    counts = counts_for(keys, counts=selectors.Counts)
    adaptations: dict = {key: [] for key in keys}
    for adaptation in (
        Adaptation.objects.filter(resolution_key__in=keys)
        .select_related("local__affiliation", "resolution__locale")
        .prefetch_related(
            Prefetch("reports", queryset=selectors.current_reports(), to_attr="current_reports")
        )
        .order_by("local__affiliation__name", "local__number")
    ):
        adaptations[adaptation.resolution_key].append(adaptation)
    rows = [
        (page, counts[page.translation_key], adaptations[page.translation_key])
        for page in resolutions
    ]
    return render(
        request,
        "resolutions/admin/adoptions.html",
        {"rows": rows, "page_title": _("Resolution adoptions")},
    )
