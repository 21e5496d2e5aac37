"""A model resolution in English and Spanish side by side, for a bilingual meeting.

Both columns are the published model texts, paired paragraph by paragraph by block id (a
translation keeps its source's ids), so "paragraph 4" is the same paragraph on either side.
Each column numbers its own lines exactly as that language's own PDF does.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.routing import page_route
from documents.engine import model_text
from documents.printing import PrintColumn, PrintOptions, line_numbers_from, render_bilingual_pdf

from .models import ResolutionPage
from .printing import PRINT_CSS

# Left column first: the library's source language, then its translation.
LANGUAGES = ("en", "es")
CACHE_SECONDS = 24 * 3600


def bilingual_pair(page: ResolutionPage) -> tuple[ResolutionPage, ResolutionPage] | None:
    """The live English and Spanish versions of this resolution, or None if one is missing."""
    found = {page.language: page}
    for other in page.get_translations().live().specific():
        found.setdefault(other.language, other)
    if not all(code in found for code in LANGUAGES):
        return None
    return tuple(found[code] for code in LANGUAGES)


@page_route(ResolutionPage, "pdf/bilingual/", name="bilingual_pdf")
def bilingual_pdf(request: HttpRequest, page: ResolutionPage) -> HttpResponse:
    pair = bilingual_pair(page)
    if pair is None:
        raise Http404
    paper = "a4" if request.GET.get("paper") == "a4" else "letter"
    lines = line_numbers_from(request)
    revisions = ":".join(str(p.live_revision_id) for p in pair)
    key = f"resolutions:bilingual-pdf:{page.translation_key}:{revisions}:{paper}:{int(lines)}"
    pdf = cache.get(key)
    if pdf is None:
        columns, headers = [], []
        for resolution in pair:
            with translation.override(resolution.language):
                document = model_text(resolution.body, variables=resolution.variables)
                columns.append(PrintColumn(resolution.language, resolution.title, document.blocks))
                headers.append(_("Model resolution %(number)s") % {"number": resolution.number})
        pdf = render_bilingual_pdf(
            header=" · ".join(dict.fromkeys(headers)),
            columns=tuple(columns),
            options=PrintOptions(paper=paper, line_numbers=lines, stylesheets=[PRINT_CSS]),
        )
        cache.set(key, pdf, timeout=CACHE_SECONDS)
    stem = slugify(f"{page.number} bilingual")[:80] or "resolution"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{stem}.pdf"'
    return response
