"""Reads that need care: the library search and filters, and how many locals proposed and
won each clause."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from uuid import UUID

from django.core.cache import cache
from django.db.models import Count, Q
from wagtail.models import Locale

from unions.permissions import locals_for

from .models import BargainingProposal, ClauseCategory, ContractClausePage, ProposalClause

SEARCH_MAX = 200
RESULTS_MAX = 60


@dataclass(frozen=True)
class Counts:
    proposed: int = 0
    won: int = 0


SEARCH_CACHE_SECONDS = 300
SEARCH_VERSION_KEY = "contracts:search:version"


def search_version() -> int:
    """Bumped whenever a clause is published, unpublished, moved or deleted, so cached
    results never outlive the library they were ranked from."""
    return cache.get_or_set(SEARCH_VERSION_KEY, 1, timeout=None)


def search_invalidate() -> None:
    try:
        cache.incr(SEARCH_VERSION_KEY)
    except ValueError:
        cache.set(SEARCH_VERSION_KEY, 2, timeout=None)


def _ranked_ids(pages, query: str, limit: int, key_parts: tuple) -> list[int]:
    """Full-text ranking is the slow part of a search (the whole library is ranked), so
    the ranked ids are cached per query and filters until the library changes."""
    digest = hashlib.sha256("\x1f".join(map(str, key_parts)).encode()).hexdigest()[:32]
    key = f"contracts:search:{search_version()}:{digest}"
    ids = cache.get(key)
    if ids is None:
        ids = [page.pk for page in pages.search(query)[:limit]]
        cache.set(key, ids, SEARCH_CACHE_SECONDS)
    return ids


def library(
    *,
    language: str,
    query: str = "",
    category: str = "",
    strength: str = "",
    limit: int = RESULTS_MAX,
) -> list[ContractClausePage]:
    """Live clauses in one language, filtered, ranked by full-text search (PostgreSQL's,
    through Wagtail's database backend) when there is a query."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    pages = ContractClausePage.objects.live().public().filter(locale=locale)
    if category:
        pages = pages.filter(category__in=list(ClauseCategory.objects.filter(slug=category)))
    if strength:
        pages = pages.filter(strength=strength)
    query = " ".join(query.split())[:SEARCH_MAX]
    if query:
        ids = _ranked_ids(pages, query, limit, (language, category, strength, limit, query))
        found = {
            page.pk: page
            for page in ContractClausePage.objects.filter(pk__in=ids).select_related("locale")
        }
        results = [found[pk] for pk in ids if pk in found]
    else:
        results = list(pages.select_related("locale").order_by("number", "title")[:limit])
    wanted = {page.category_id for page in results}
    categories = {c.pk: c for c in ClauseCategory.objects.filter(pk__in=wanted)}
    for page in results:
        page.category = categories[page.category_id]
    return results


def categories_in_use() -> list[ClauseCategory]:
    return list(ClauseCategory.objects.all())


def _proposed_q(prefix: str = "") -> Q:
    Status = BargainingProposal.Status
    return Q(
        **{f"{prefix}status__in": [Status.PROPOSED, Status.TENTATIVE_AGREEMENT, Status.RATIFIED]}
    ) | Q(**{f"{prefix}status": Status.DROPPED, f"{prefix}proposed_on__isnull": False})


def counts_for(keys: list[UUID]) -> dict[UUID, Counts]:
    """Locals that proposed and won (ratified) each clause, by translation key, in two
    queries. A draft never put on the table is not counted as proposed."""
    if not keys:
        return {}
    items = ProposalClause.objects.filter(clause_key__in=keys)
    proposed = dict(
        items.filter(_proposed_q("proposal__"))
        .values_list("clause_key")
        .annotate(n=Count("proposal__local", distinct=True))
    )
    won = dict(
        items.filter(proposal__status=BargainingProposal.Status.RATIFIED)
        .values_list("clause_key")
        .annotate(n=Count("proposal__local", distinct=True))
    )
    return {key: Counts(proposed.get(key, 0), won.get(key, 0)) for key in keys}


def proposals_for(user) -> list[BargainingProposal]:
    """Proposals of the locals this person may act for, most recently changed first."""
    if not user.is_authenticated:
        return []
    return list(
        BargainingProposal.objects.filter(local__in=locals_for(user))
        .select_related("local__affiliation")
        .annotate(clause_count=Count("items"))
    )


def open_proposals_for(user) -> list[BargainingProposal]:
    return [p for p in proposals_for(user) if p.is_open]


def proposal_clauses(proposal: BargainingProposal) -> list[ProposalClause]:
    return list(
        proposal.items.select_related("clause", "clause__category").order_by("position", "id")
    )
