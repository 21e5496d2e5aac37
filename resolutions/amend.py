"""Applying amendments to an adaptation's text, by the printed line numbers they cite.

Pure: no database, no request. Every amendment cites the text as printed before any amendment
(the line numbers the meeting saw, documents.lines), so amendments never renumber each other
and two that touch the same line are refused rather than applied in some order nobody voted on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from django.utils.translation import gettext as _

from documents.engine import RenderedBlock
from documents.lines import NumberedLine, number_lines

KINDS = ("replace", "delete", "insert")


class Cited(Protocol):
    """What amend needs of an amendment (resolutions.models.Amendment has it)."""

    position: int
    kind: str
    first_line: int
    last_line: int
    cited_text: str
    new_text: str


class AmendmentError(ValueError):
    """An amendment can't be applied: the message says which one and why, for the steward."""


@dataclass(frozen=True)
class Citation:
    """The lines an amendment cites: where its words are in which paragraph."""

    block_key: str
    paragraph: str
    start: int  # offsets in the block's text
    end: int
    text: str


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _label(amendment: Cited) -> str:
    return _("Amendment %(n)s") % {"n": amendment.position}


def cite(lines: Sequence[NumberedLine], first: int, last: int, kind: str = "replace") -> Citation:
    """The words on lines `first` to `last` (an insert cites the one line it follows).

    Raises AmendmentError when the lines don't exist or span two paragraphs: an amendment
    amends one paragraph, so the meeting can vote on each paragraph's change apart."""
    if kind == "insert":
        last = first
    if first < 1 or last < first or last > len(lines):
        if first == last:
            raise AmendmentError(
                _("The text has lines 1 to %(last)d; line %(first)d is not in it.")
                % {"last": len(lines), "first": first}
            )
        raise AmendmentError(
            _("The text has lines 1 to %(last)d; lines %(first)d–%(end)d are not in it.")
            % {"last": len(lines), "first": first, "end": last}
        )
    cited = lines[first - 1 : last]
    if len({line.block_key for line in cited}) > 1:
        raise AmendmentError(
            _(
                "Lines %(first)d–%(end)d are in more than one paragraph: amend each "
                "paragraph separately."
            )
            % {"first": first, "end": last}
        )
    block_start, block_end = cited[0].start, cited[-1].end
    text = "\n".join(line.text for line in cited)
    return Citation(cited[0].block_key, cited[0].paragraph, block_start, block_end, text)


def _overlap(a: Cited, b: Cited) -> bool:
    """Two amendments touch the same printed words. An insert after line N sits between N and
    N+1, so it collides only with a change of lines on both sides of that gap."""
    if a.kind == "insert" and b.kind == "insert":
        return False
    if a.kind == "insert":
        a, b = b, a
    if b.kind == "insert":
        return a.first_line <= b.first_line < a.last_line
    return a.first_line <= b.last_line and b.first_line <= a.last_line


def check_overlaps(amendments: Iterable[Cited]) -> None:
    """Refuse two adopted amendments that cite the same line: the meeting saw one text, and
    which change wins is not something to guess."""
    items = sorted(amendments, key=lambda a: a.position)
    for n, a in enumerate(items):
        for b in items[n + 1 :]:
            if _overlap(a, b):
                raise AmendmentError(
                    _(
                        "%(a)s (lines %(a_lines)s) and %(b)s (lines %(b_lines)s) change the same "
                        "line. Only one of them can be adopted as it stands."
                    )
                    % {
                        "a": _label(a),
                        "a_lines": _lines(a),
                        "b": _label(b),
                        "b_lines": _lines(b),
                    }
                )


def _lines(amendment: Cited) -> str:
    if amendment.kind == "insert" or amendment.first_line == amendment.last_line:
        return str(amendment.first_line)
    return f"{amendment.first_line}–{amendment.last_line}"


def _tidy(text: str) -> str:
    """Spaces left where words were struck: one space between words, none at a line's ends."""
    lines = [re.sub(r"[ \t]{2,}", " ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def apply_amendments(
    blocks: Sequence[RenderedBlock], amendments: Iterable[Cited]
) -> list[RenderedBlock]:
    """The text with `amendments` applied: the same blocks (keys, kinds, paragraph numbers),
    their text changed. A struck paragraph keeps its block with empty text, so numbering
    stays the meeting's; printing leaves it out.

    Raises AmendmentError if an amendment's cited words no longer read as the lines it cites
    (the text changed after it was proposed), or if two amendments touch the same line."""
    amendments = sorted(amendments, key=lambda a: a.position)
    check_overlaps(amendments)
    lines = number_lines(blocks)
    edits: dict[str, list[tuple[int, int, int, str]]] = {}
    for amendment in amendments:
        if amendment.kind not in KINDS:
            raise AmendmentError(_("%(a)s has no kind of change.") % {"a": _label(amendment)})
        try:
            citation = cite(lines, amendment.first_line, amendment.last_line, amendment.kind)
        except AmendmentError as error:
            raise AmendmentError(f"{_label(amendment)}: {error}") from None
        if not _same(citation.text, amendment.cited_text):
            raise AmendmentError(
                _(
                    "%(a)s cites line %(lines)s as “%(cited)s”, but the text now reads "
                    "“%(now)s”. Record the amendment again against the text as printed."
                )
                % {
                    "a": _label(amendment),
                    "lines": _lines(amendment),
                    "cited": " ".join(amendment.cited_text.split()),
                    "now": " ".join(citation.text.split()),
                }
            )
        new = amendment.new_text.strip(" \t")
        if amendment.kind == "insert":
            at = citation.end
            joiner = "" if new.startswith("\n") else " "
            edits.setdefault(citation.block_key, []).append(
                (at, at, amendment.position, joiner + new)
            )
        else:
            replacement = "" if amendment.kind == "delete" else new.strip()
            edits.setdefault(citation.block_key, []).append(
                (citation.start, citation.end, amendment.position, replacement)
            )
    result = []
    for block in blocks:
        changes = edits.get(block.key)
        if not changes:
            result.append(block)
            continue
        text = block.text
        # Right to left, so earlier offsets stay valid; inserts after the same line keep the
        # order the amendments were moved in.
        for start, end, _position, new in sorted(changes, key=lambda c: (-c[0], -c[2])):
            text = text[:start] + new + text[end:]
        result.append(replace(block, text=_tidy(text)))
    return result


def printable(blocks: Iterable[RenderedBlock]) -> list[RenderedBlock]:
    """The amended text to print: struck paragraphs left out, the rest numbered again."""
    kept, number = [], 0
    for block in blocks:
        if not block.heading and not block.text.strip():
            continue
        if not block.heading:
            number += 1
            block = replace(block, number=str(number))
        kept.append(block)
    return kept
