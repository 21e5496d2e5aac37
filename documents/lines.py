"""Line numbers for print: the one place that decides where a printed line breaks.

Meetings cite text by line ("amend line 12"), so a line number must mean the same words on the PDF,
the DOCX and the amendment sheet, for every reader. Leaving the breaks to each renderer's font
metrics would make them disagree, so the text is broken here, at a fixed number of characters, and
every renderer prints exactly these lines (the PDF one block per line, the DOCX with explicit
breaks that Word's own line numbering then counts). Numbers restart at 1 for each document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .engine import RenderedBlock

# Characters per printed line: narrow enough to fit a Letter or A4 column in the print font at
# 11pt beside the number margin, wide enough that a paragraph is not a column of stubs.
LINE_WIDTH = 72

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class NumberedLine:
    number: int  # 1, 2, ... restarting for each document
    block_key: str  # the RenderedBlock's key: which paragraph (or heading) the line is in
    paragraph: str  # that block's paragraph number, "" for a heading
    text: str
    start: int  # where `text` starts and ends within the block's text
    end: int


def line_spans(text: str, width: int = LINE_WIDTH) -> list[tuple[int, int]]:
    """(start, end) offsets of each printed line of `text`, greedy by whole words.

    A typed line break always ends a line; a word longer than `width` gets a line to itself
    rather than being cut. Blank text still takes one line, so numbering never skips a block.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for part in text.split("\n"):
        start = end = None
        for word in _WORD.finditer(part):
            if start is None:
                start, end = word.start(), word.end()
            elif word.end() - start <= width:
                end = word.end()
            else:
                spans.append((offset + start, offset + end))
                start, end = word.start(), word.end()
        if start is None:
            spans.append((offset, offset))
        else:
            spans.append((offset + start, offset + end))
        offset += len(part) + 1
    return spans


def number_lines(blocks: Iterable[RenderedBlock], width: int = LINE_WIDTH) -> list[NumberedLine]:
    """Every printed line of a document, numbered from 1."""
    lines: list[NumberedLine] = []
    for block in blocks:
        for start, end in line_spans(block.text, width):
            lines.append(
                NumberedLine(
                    number=len(lines) + 1,
                    block_key=block.key,
                    paragraph=block.number,
                    text=block.text[start:end],
                    start=start,
                    end=end,
                )
            )
    return lines


def lines_by_block(lines: Iterable[NumberedLine]) -> dict[str, list[NumberedLine]]:
    """The numbered lines grouped by paragraph, in order, for renderers that print per block."""
    grouped: dict[str, list[NumberedLine]] = {}
    for line in lines:
        grouped.setdefault(line.block_key, []).append(line)
    return grouped
