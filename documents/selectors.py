"""Reads shared by the model libraries: how many locals took up each text, and the locals a
person may act for there."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, TypeVar
from uuid import UUID

from django.db.models import Count, QuerySet

from unions.models import Local, Role
from unions.permissions import locals_for


@dataclass(frozen=True)
class Tally:
    """Rows that count a local toward one figure of a model text: `key` is the lookup to
    the text's translation key (so both languages count together), `local` the lookup to
    the local (each local counts once, however many rows it has)."""

    rows: QuerySet
    key: str
    local: str


class LibraryCounts(Protocol):
    """A library's figures per text, e.g. adapted and adopted: a frozen dataclass of ints
    whose `tallies()` says which rows count toward each field."""

    def __init__(self, **figures: int) -> None: ...

    @classmethod
    def tallies(cls) -> dict[str, Tally]: ...


C = TypeVar("C", bound=LibraryCounts)


def counts_for(keys: list[UUID], *, counts: type[C]) -> dict[UUID, C]:
    """For each translation key, `counts` with each figure set to the number of distinct
    locals in its tally: one query per figure, whatever the number of keys."""
    if not keys:
        return {}
    figures = {
        name: dict(
            tally.rows.filter(**{f"{tally.key}__in": keys})
            .values_list(tally.key)
            .annotate(n=Count(tally.local, distinct=True))
        )
        for name, tally in counts.tallies().items()
    }
    return {
        key: counts(**{name: found.get(key, 0) for name, found in figures.items()}) for key in keys
    }


def actable_locals(user) -> list[Local]:
    """The locals whose model texts this person may fill in, save and print: where they are
    a steward or an organizer. Their workplaces come along (the employer blanks)."""
    if not user.is_authenticated:
        return []
    return list(
        locals_for(user, Role.Kind.STEWARD, Role.Kind.ORGANIZER)
        .select_related("affiliation")
        .prefetch_related("workplaces")
    )
