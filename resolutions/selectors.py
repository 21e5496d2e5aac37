"""Reads that need care: the library search, adoption counts that honour visibility."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.utils.http import urlencode
from wagtail.models import Locale

from core.search import clean_query
from documents.diff import BlockDiff, diff_blocks, has_changes
from documents.engine import Answers, render_text
from documents.search import library_search
from documents.selectors import Tally, counts_for

from .models import Adaptation, AdoptionReport, ResolutionPage, ResolutionTag

SEARCH_MAX = 200
RESULTS_MAX = 20


@dataclass(frozen=True)
class Counts:
    """Locals that adapted and adopted a resolution (documents.selectors.counts_for).

    A local whose report is private is counted nowhere: "private" means nobody learns from
    this site that the local took it up at all. Drafts count as adaptations: they name no
    one and show a model is in use.
    """

    adapted: int = 0
    adopted: int = 0

    @classmethod
    def tallies(cls) -> dict[str, Tally]:
        # The latest report's choice holds: a private local whose tabled text is presented
        # again stays uncounted until a new report says otherwise.
        latest_visibility = Subquery(
            AdoptionReport.objects.filter(adaptation=OuterRef("pk"))
            .order_by("-created_at", "-pk")
            .values("visibility")[:1]
        )
        counted = [AdoptionReport.Visibility.PUBLIC, AdoptionReport.Visibility.COUNTED]
        adapted = Adaptation.objects.annotate(latest_visibility=latest_visibility).filter(
            Q(latest_visibility__isnull=True) | Q(latest_visibility__in=counted)
        )
        adopted = _visible_reports().filter(outcome__in=AdoptionReport.ADOPTED_OUTCOMES)
        return {
            "adapted": Tally(adapted, key="resolution_key", local="local"),
            "adopted": Tally(adopted, key="adaptation__resolution_key", local="adaptation__local"),
        }


def library(
    *, language: str, query: str = "", topic: str = "", offset: int = 0, limit: int = RESULTS_MAX
) -> list[ResolutionPage]:
    """Live resolutions in one language, filtered by topic, ranked by full-text search
    (PostgreSQL's, through Wagtail's database search backend) when there is a query."""
    pages = ResolutionPage.objects.live().public()
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    pages = pages.filter(locale=locale)
    if topic:
        tagged = ResolutionTag.objects.filter(tag__slug=topic).values("content_object_id")
        pages = pages.filter(id__in=tagged)
    # The listing shows title, number and summary: the StreamFields stay in the database.
    pages = pages.defer_streamfields().select_related("locale")
    query = clean_query(query, SEARCH_MAX)
    if not query:
        return list(pages.order_by("number", "title")[offset : offset + limit])
    return library_search(pages, query, offset=offset, limit=limit, filters=(language, topic))


def library_page(*, language: str, query: str, topic: str, number: int) -> dict:
    """What the library page shows: page `number` of the resolutions matching the search,
    with their adoption counts, and the filters to narrow it."""
    size = RESULTS_MAX
    results = library(
        language=language, query=query, topic=topic, offset=(number - 1) * size, limit=size + 1
    )
    has_next = len(results) > size
    results = results[:size]
    counts = counts_for([page.translation_key for page in results], counts=Counts)
    params = {k: v for k, v in (("q", query), ("topic", topic), ("lang", language)) if v}
    return {
        "results": [(page, counts[page.translation_key]) for page in results],
        "page_number": number,
        "next_query": urlencode({**params, "page": number + 1}) if has_next else "",
        "previous_query": urlencode({**params, "page": number - 1}) if number > 1 else "",
        "query": query,
        "topic": topic,
        "language": language,
        "languages": settings.LANGUAGES,
        "topics": topics(language),
    }


def topics(language: str) -> list[tuple[str, str]]:
    """(slug, name) of the topics used by live resolutions in this language."""
    rows = (
        ResolutionTag.objects.filter(
            content_object__live=True, content_object__locale__language_code=language
        )
        .values_list("tag__slug", "tag__name")
        .distinct()
        .order_by("tag__name")
    )
    return list(rows)


def current_reports():
    """Reports as they stand: a corrected report, or the report of a meeting that tabled a
    text later presented again, is history and counts nowhere."""
    return AdoptionReport.objects.filter(superseded_at__isnull=True)


def _visible_reports():
    return current_reports().exclude(visibility=AdoptionReport.Visibility.PRIVATE)


def public_adopters(resolution: ResolutionPage) -> list[AdoptionReport]:
    """Reports whose local chose to be named, newest meeting first."""
    return list(
        current_reports()
        .filter(
            adaptation__resolution_key=resolution.translation_key,
            visibility=AdoptionReport.Visibility.PUBLIC,
            outcome__in=AdoptionReport.ADOPTED_OUTCOMES,
        )
        .select_related("adaptation__local__affiliation")
        .order_by("-meeting_date")
    )


def adaptations_for(user, resolution: ResolutionPage) -> list[Adaptation]:
    """This person's locals' adaptations of this resolution (any language)."""
    from unions.permissions import locals_for

    if not user.is_authenticated:
        return []
    return list(
        Adaptation.objects.filter(
            resolution_key=resolution.translation_key, local__in=locals_for(user)
        )
        .select_related("local__affiliation", "resolution__locale")
        # A list never shows the adopted PDF: its bytes stay in the database.
        .defer("adopted_pdf")
    )


@dataclass
class ModelChange:
    diffs: list[BlockDiff]
    error: str = ""  # the saved answers no longer fit the new model


def model_change(adaptation: Adaptation) -> ModelChange | None:
    """What changed in the model since the adaptation pinned its revision, rendered with the
    adaptation's own answers; None when nothing changed."""
    resolution = adaptation.resolution
    live_id = resolution.live_revision_id
    if live_id is None or adaptation.revision_id == live_id or not adaptation.is_open:
        return None
    answers = Answers.from_dict(adaptation.answers)
    current = ResolutionPage.objects.get(pk=resolution.pk)
    try:
        new = render_text(
            current.body, answers, variables=current.variables, language=current.language
        )
    except Exception as error:  # a ValidationError: new blanks, removed options
        messages = getattr(error, "messages", [str(error)])
        diffs = []
        return ModelChange(diffs=diffs, error=" ".join(messages))
    diffs = diff_blocks(adaptation.blocks, new)
    if not has_changes(diffs):
        return None
    return ModelChange(diffs=diffs)
