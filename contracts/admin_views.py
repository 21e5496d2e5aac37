"""Editors' report in the Wagtail admin: how many locals proposed and won each clause.

Counts only: which local proposed what stays with that local's stewards and organizers.
"""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from documents.permissions import require_library_editor
from documents.selectors import counts_for

from . import selectors
from .models import ClauseLibraryPage, ContractClausePage


def uptake(request: HttpRequest) -> HttpResponse:
    require_library_editor(request.user, ClauseLibraryPage)
    language = "es" if (get_language() or "en").startswith("es") else "en"
    clauses = list(
        ContractClausePage.objects.filter(locale__language_code="en")
        .select_related("category")
        .order_by("number")
    )
    counts = counts_for([clause.translation_key for clause in clauses], counts=selectors.Counts)
    rows = [
        {
            "clause": clause,
            "category": clause.category.label(language),
            "counts": counts[clause.translation_key],
        }
        for clause in clauses
    ]
    return TemplateResponse(request, "contracts/admin/uptake.html", {"rows": rows})
