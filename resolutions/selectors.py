"""Reads that need care: the library search, adoption counts that honour visibility."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from uuid import UUID

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, CharField, Count, FloatField, OuterRef, Q, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils.http import urlencode
from wagtail.models import Locale
from wagtail.search.models import IndexEntry

from documents.diff import BlockDiff, diff_blocks, has_changes
from documents.engine import Answers, render_text

from .models import Adaptation, AdoptionReport, ResolutionPage, ResolutionTag

SEARCH_MAX = 200
SEARCH_CACHE_SECONDS = 300
LIBRARY_VERSION_KEY = "resolutions:library-version"
RESULTS_MAX = 20


@dataclass(frozen=True)
class Counts:
    adapted: int = 0
    adopted: int = 0


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
    query = query.strip()[:SEARCH_MAX]
    if not query:
        return list(pages.order_by("number", "title")[offset : offset + limit])
    if connection.vendor != "postgresql":
        return list(pages.search(query)[offset : offset + limit])
    # The ranked ids are cached until the next publish in the library; the pages themselves
    # and their counts are always read fresh.
    key = _search_key(language, topic, query, offset, limit)
    ids = cache.get(key)
    if ids is None:
        ids = _postgres_search(pages, query, offset=offset, limit=limit)
        cache.set(key, ids, timeout=SEARCH_CACHE_SECONDS)
    found = pages.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def library_page(*, language: str, query: str, topic: str, number: int) -> dict:
    """What the library page shows: page `number` of the resolutions matching the search,
    with their adoption counts, and the filters to narrow it."""
    size = RESULTS_MAX
    results = library(
        language=language, query=query, topic=topic, offset=(number - 1) * size, limit=size + 1
    )
    has_next = len(results) > size
    results = results[:size]
    counts = counts_for([page.translation_key for page in results])
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


def _search_key(*parts) -> str:
    version = cache.get_or_set(LIBRARY_VERSION_KEY, 1, timeout=None)
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"resolutions:search:{version}:{digest}"


def library_changed() -> None:
    """Forget every cached search: called when a resolution is published, unpublished,
    moved or deleted."""
    try:
        cache.incr(LIBRARY_VERSION_KEY)
    except ValueError:
        cache.set(LIBRARY_VERSION_KEY, 2, timeout=None)


def _postgres_search(pages, query: str, *, offset: int, limit: int) -> list[int]:
    """Ranked page ids from Wagtail's own index entries, queried for speed.

    Wagtail's database backend matches `title || body @@ websearch_to_tsquery(...)`: it
    concatenates two tsvectors and parses the query again for every row (about 60 ms over
    1,000 resolutions). Here the query is parsed once, in its own round trip, and then
    given as a tsquery constant; `title @@ q OR body @@ q` is the same test, which the
    planner may also answer from the GIN indexes Wagtail keeps on both columns.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT websearch_to_tsquery(%s)::text", [query])
        parsed = cursor.fetchone()[0]
    if not parsed:  # only stop words ("the", "and")
        return []
    table = IndexEntry._meta.db_table
    # Only our model's table name is interpolated; the query text is a bound parameter.
    match = RawSQL(  # noqa: S611
        f'("{table}"."title" @@ %s::tsquery OR "{table}"."body" @@ %s::tsquery)',
        [parsed, parsed],
        output_field=BooleanField(),
    )
    rank = RawSQL(  # noqa: S611
        f'ts_rank("{table}"."title", %s::tsquery) * 2 + ts_rank("{table}"."body", %s::tsquery)',
        [parsed, parsed],
        output_field=FloatField(),
    )
    keys = pages.order_by().annotate(key=Cast("pk", CharField())).values("key")
    entries = (
        IndexEntry.objects.filter(
            match,
            content_type=ContentType.objects.get_for_model(ResolutionPage),
            object_id__in=keys,
        )
        .annotate(rank=rank)
        .order_by("-rank", "object_id")
        .values_list("object_id", flat=True)[offset : offset + limit]
    )
    return [int(key) for key in entries]


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


def counts_for(keys: list[UUID]) -> dict[UUID, Counts]:
    """Locals that adapted and adopted each resolution (by translation key), in two queries.

    A local whose report is private is counted nowhere: "private" means nobody learns from
    this site that the local took it up at all. Drafts count as adaptations: they name no
    one and show a model is in use.
    """
    if not keys:
        return {}
    # The latest report's choice holds: a private local whose tabled text is presented
    # again stays uncounted until a new report says otherwise.
    latest_visibility = Subquery(
        AdoptionReport.objects.filter(adaptation=OuterRef("pk"))
        .order_by("-created_at", "-pk")
        .values("visibility")[:1]
    )
    adapted = dict(
        Adaptation.objects.filter(resolution_key__in=keys)
        .annotate(latest_visibility=latest_visibility)
        .filter(
            Q(latest_visibility__isnull=True)
            | Q(
                latest_visibility__in=[
                    AdoptionReport.Visibility.PUBLIC,
                    AdoptionReport.Visibility.COUNTED,
                ]
            )
        )
        .values_list("resolution_key")
        .annotate(n=Count("local", distinct=True))
    )
    adopted = dict(
        _visible_reports()
        .filter(adaptation__resolution_key__in=keys, outcome__in=AdoptionReport.ADOPTED_OUTCOMES)
        .values_list("adaptation__resolution_key")
        .annotate(n=Count("adaptation__local", distinct=True))
    )
    return {key: Counts(adapted.get(key, 0), adopted.get(key, 0)) for key in keys}


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
        ).select_related("local__affiliation", "resolution__locale")
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
