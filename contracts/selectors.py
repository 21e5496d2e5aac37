"""Reads that need care: the library search and filters, and how many locals proposed and
won each clause."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.safestring import SafeString
from wagtail.models import Locale

from core.search import clean_query
from documents.diff import BlockDiff, diff_words
from documents.engine import Answers, model_text
from documents.search import library_search
from documents.selectors import Tally
from unions.permissions import locals_for

from .assembly import article_text
from .models import (
    ArticleVersion,
    BargainingProposal,
    ClauseCategory,
    ContractClausePage,
    ProposalClause,
)

SEARCH_MAX = 200
RESULTS_MAX = 60


@dataclass(frozen=True)
class Counts:
    """Locals that proposed and won (ratified) a clause (documents.selectors.counts_for).
    A draft never put on the table is not counted as proposed."""

    proposed: int = 0
    won: int = 0

    @classmethod
    def tallies(cls) -> dict[str, Tally]:
        items = ProposalClause.objects.all()
        ratified = items.filter(proposal__status=BargainingProposal.Status.RATIFIED)
        return {
            "proposed": Tally(
                items.filter(_proposed_q("proposal__")), key="clause_key", local="proposal__local"
            ),
            "won": Tally(ratified, key="clause_key", local="proposal__local"),
        }


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
    query = clean_query(query, SEARCH_MAX)
    pages = pages.select_related("locale")
    if query:
        results = library_search(pages, query, limit=limit, filters=(language, category, strength))
    else:
        results = list(pages.order_by("number", "title")[:limit])
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


# -- the bargaining table ------------------------------------------------------------------


def text_diff_html(old: str, new: str) -> SafeString:
    """`new` against `old`, changed words in <del>/<ins> (documents.diff's word diff)."""
    return BlockDiff("", "changed", None, None, diff_words(old, new)).html


@dataclass(frozen=True)
class VersionRow:
    version: ArticleVersion
    diff: SafeString | None  # against the previous version; None for the first


@dataclass(frozen=True)
class ArticleRow:
    article: ProposalClause
    versions: list[ArticleVersion]
    assembled: str  # the text as the proposal prints it now ("" if a blank is unanswered)

    @property
    def last(self) -> ArticleVersion | None:
        return self.versions[-1] if self.versions else None

    @property
    def state(self) -> str:
        return self.last.side if self.last else ArticleVersion.SIDE_OURS

    @property
    def text(self) -> str:
        """The text now on the table (what a counter is prefilled with)."""
        return self.last.text if self.last else self.assembled

    def history(self) -> list[VersionRow]:
        rows, previous = [], None
        for version in self.versions:
            diff = None if previous is None else text_diff_html(previous.text, version.text)
            rows.append(VersionRow(version, diff))
            previous = version
        return rows


def bargaining_table(proposal: BargainingProposal) -> list[ArticleRow]:
    rows = []
    items = proposal.items.select_related("clause").prefetch_related("versions")
    for item in items.order_by("position", "id"):
        item.proposal = proposal
        versions = list(item.versions.all())
        assembled = ""
        if not versions:
            try:
                assembled = article_text(
                    item.clause, Answers.from_dict(proposal.answers), language=proposal.language
                )
            except ValidationError:
                assembled = ""
        rows.append(ArticleRow(item, versions, assembled))
    return rows


def agreed_articles(proposal: BargainingProposal) -> list[tuple[ProposalClause, ArticleVersion]]:
    """(article, its TA) for each article whose last version is a TA, in article order."""
    return [(row.article, row.last) for row in bargaining_table(proposal) if row.state == "ta"]


def compare_clauses(first: ContractClausePage, second: ContractClausePage) -> list[SafeString]:
    """The two model texts with their differences marked word by word: words only the first
    has in <del> in its column, words only the second has in <ins> in the other."""
    texts = [model_text(c.body, variables=c.variables).text for c in (first, second)]
    segments = diff_words(*texts)
    return [
        BlockDiff("", "changed", None, None, [s for s in segments if s.op != drop]).html
        for drop in ("insert", "delete")
    ]


def clauses_past_review(today=None) -> list[ContractClausePage]:
    """Clauses (one row per clause, in the library's main language where it exists) whose
    language is past its review date: editors should have it checked against the law again."""
    today = today or timezone.localdate()
    pages = (
        ContractClausePage.objects.filter(review_by__lt=today)
        .select_related("locale")
        .order_by("review_by", "number")
    )
    seen, rows = set(), []
    for page in sorted(pages, key=lambda p: p.locale.language_code != "en"):
        if page.translation_key not in seen:
            seen.add(page.translation_key)
            rows.append(page)
    return sorted(rows, key=lambda p: (p.review_by, p.number))
