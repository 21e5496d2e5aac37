"""The model libraries' full-text search (resolutions and contract language), its cache of
ranked ids, and the signals that forget that cache when a library changes."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import wagtail_search_sql

SEARCH_CACHE_SECONDS = 300
# One version for every library: a publish in one forgets the other's cached rankings too,
# which costs a re-rank at most and keeps one rule for when a cached result is stale.
VERSION_KEY = "documents:library-version"


def library_search(
    pages: PageQuerySet, query: str, *, offset: int = 0, limit: int, filters: tuple = ()
) -> list[Page]:
    """The pages of `pages` that match `query`, best first (PostgreSQL's full-text search
    over Wagtail's index entries), `limit` of them from `offset`.

    `filters` names what narrowed `pages` (language, topic...): the ranked ids are cached
    per query and filters until the next change in a library; the pages themselves are
    always read fresh, through `pages`, so a cached id never shows a page `pages` excludes.
    """
    key = _cache_key(pages.model._meta.label_lower, filters, query, offset, limit)
    ids = cache.get(key)
    if ids is None:
        ids = _ranked_ids(pages, query, offset=offset, limit=limit)
        cache.set(key, ids, timeout=SEARCH_CACHE_SECONDS)
    found = pages.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def _ranked_ids(pages: PageQuerySet, query: str, *, offset: int, limit: int) -> list[int]:
    if connection.vendor == "postgresql":
        return wagtail_search_sql.ranked_ids(pages, query, offset=offset, limit=limit)
    # The SQLite demo: Wagtail's FTS5 backend.
    return [page.pk for page in pages.search(query)[offset : offset + limit]]


def _cache_key(*parts) -> str:
    version = cache.get_or_set(VERSION_KEY, 1, timeout=None)
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"documents:search:{version}:{digest}"


def library_changed(sender=None, **kwargs) -> None:
    """Forget every cached search. A signal receiver as well as a plain call."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def library_signals_connect(
    *, text_model: type[Page], library_model: type[Page], review: str
) -> None:
    """Wire one library: its cached searches are forgotten whenever a text is published,
    unpublished or deleted, and every new library page (each language) is sent through
    the review workflow called `review` (documents.services.review_workflow_ensure)."""
    label = text_model._meta.label_lower
    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(library_changed, sender=text_model, dispatch_uid=f"{label}-search")
    # A move can put a text under a view restriction (the signal names no page class), and a
    # new or lifted restriction changes which texts are public: shared by every library.
    post_page_move.connect(library_changed, dispatch_uid="documents-search-move")
    post_save.connect(library_changed, sender=PageViewRestriction, dispatch_uid="documents-pvr")
    post_delete.connect(library_changed, sender=PageViewRestriction, dispatch_uid="documents-pvr-d")

    def library_created(sender, instance, created, raw=False, **kwargs):
        if created and not raw:
            from .services import review_workflow_ensure

            review_workflow_ensure(name=review, pages=[instance])

    # weak=False: the receiver is this closure, which nothing else keeps alive.
    post_save.connect(
        library_created,
        sender=library_model,
        weak=False,
        dispatch_uid=f"{library_model._meta.label_lower}-review",
    )
