"""Block-by-block comparison of two rendered texts, with changed words marked.

Used for "your adaptation against the model" and for "what changed in the model since
you adapted it". Blocks are matched by their key (the StreamField block id), so an edited
paragraph is shown as changed words rather than as one paragraph removed and another added.

An alternatives block keeps its key (`<block id>:<n>`) whichever option is chosen, but two
options are two different sentences: a word diff between them reads as nonsense. When the
two sides come from different options (their model text differs), the block is "chosen"
and shown whole: "Chose: ..." and "Instead of: ...". Only the new side's paragraph
numbers are shown, so no two entries ever carry the same number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .engine import RenderedBlock, RenderedDocument

# A "[Blank label]" placeholder of the model counts as one word.
TOKEN_RE = re.compile(r"\[[^\[\]\n]{1,80}\]|\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Segment:
    op: str  # "equal", "insert" or "delete"
    text: str


@dataclass
class BlockDiff:
    key: str
    status: str  # "same", "changed", "chosen" (another alternative), "added" or "removed"
    old: RenderedBlock | None
    new: RenderedBlock | None
    segments: list[Segment] = field(default_factory=list)

    @property
    def number(self) -> str:
        """The paragraph's number in the new text; a removed paragraph has none there, and
        showing its old number would repeat the number of the paragraph now in its place."""
        return self.new.number if self.new is not None else ""

    @property
    def changed(self) -> bool:
        return self.status != "same"

    @property
    def html(self) -> SafeString:
        """The text with <del> and <ins> around changed words, everything else escaped."""
        parts = []
        for segment in self.segments:
            text = escape(segment.text)
            if segment.op == "insert":
                parts.append(f"<ins>{text}</ins>")
            elif segment.op == "delete":
                parts.append(f"<del>{text}</del>")
            else:
                parts.append(text)
        return mark_safe("".join(parts))  # noqa: S308  (every piece is escaped above)


def diff_words(old: str, new: str) -> list[Segment]:
    """Word-level difference; whitespace-only changes count as equal."""
    a, b = TOKEN_RE.findall(old or ""), TOKEN_RE.findall(new or "")
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    segments: list[Segment] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if segments and segments[-1].op == op:
            segments[-1] = Segment(op, segments[-1].text + text)
        else:
            segments.append(Segment(op, text))

    # Runs of (old text, new text); a change is split by whitespace only, so it is merged
    # into one change instead of alternating <del>word</del><ins>word</ins> pieces.
    runs: list[list] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, inserted = "".join(a[i1:i2]), "".join(b[j1:j2])
        runs.append([tag == "equal", removed, inserted])
    for n in range(1, len(runs) - 1):
        if runs[n][0] and not runs[n][2].strip() and not runs[n - 1][0] and not runs[n + 1][0]:
            runs[n][0] = False
    merged: list[list] = []
    for run in runs:
        if merged and not run[0] and not merged[-1][0]:
            merged[-1][1] += run[1]
            merged[-1][2] += run[2]
        else:
            merged.append(run)
    for equal, removed, inserted in merged:
        if equal or not (removed.strip() or inserted.strip()):
            add("equal", inserted)
        else:
            # Whitespace both sides share stays outside the marks: "<ins>ever</ins> ", not
            # "<ins> ever</ins>".
            lead = _shared_space(removed, inserted)
            removed, inserted = removed[len(lead) :], inserted[len(lead) :]
            trail = _shared_space(removed[::-1], inserted[::-1])[::-1]
            if trail:
                removed, inserted = removed[: -len(trail)], inserted[: -len(trail)]
            add("equal", lead)
            add("delete", removed)
            add("insert", inserted)
            add("equal", trail)
    return segments


def _shared_space(a: str, b: str) -> str:
    """The whitespace both strings start with (a missing side counts as agreeing)."""
    space_a = a[: len(a) - len(a.lstrip())]
    space_b = b[: len(b) - len(b.lstrip())]
    if not a:
        return space_b
    if not b:
        return space_a
    n = 0
    while n < min(len(space_a), len(space_b)) and space_a[n] == space_b[n]:
        n += 1
    return space_a[:n]


def diff_blocks(
    old: RenderedDocument | list[RenderedBlock], new: RenderedDocument | list[RenderedBlock]
) -> list[BlockDiff]:
    """Every block of either text, in reading order, with its status and changed words."""
    old_blocks = list(getattr(old, "blocks", old))
    new_blocks = list(getattr(new, "blocks", new))
    matcher = SequenceMatcher(
        None, [b.key for b in old_blocks], [b.key for b in new_blocks], autojunk=False
    )
    result: list[BlockDiff] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for a, b in zip(old_blocks[i1:i2], new_blocks[j1:j2], strict=True):
                if other_alternative(a, b):
                    segments = [Segment("delete", a.text), Segment("insert", b.text)]
                    result.append(BlockDiff(b.key, "chosen", a, b, segments))
                    continue
                segments = diff_words(a.text, b.text)
                changed = any(s.op != "equal" for s in segments)
                result.append(BlockDiff(b.key, "changed" if changed else "same", a, b, segments))
            continue
        for a in old_blocks[i1:i2]:
            result.append(BlockDiff(a.key, "removed", a, None, [Segment("delete", a.text)]))
        for b in new_blocks[j1:j2]:
            result.append(BlockDiff(b.key, "added", None, b, [Segment("insert", b.text)]))
    return result


def other_alternative(old: RenderedBlock, new: RenderedBlock) -> bool:
    """Whether two blocks of one alternatives block come from different options. Both name
    their option, so an editor's change to the chosen option's own words stays a word diff
    (the model changed, not the choice). Blocks stored before they named their option are
    told apart by their model texts (with slots): filling in blanks never changes those."""
    if ":" not in new.key:
        return False
    if old.option and new.option:
        return old.option != new.option
    return bool(old.source and new.source) and old.source != new.source


def has_changes(diffs: list[BlockDiff]) -> bool:
    return any(d.changed for d in diffs)
