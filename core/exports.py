"""Spreadsheet exports: every cell passes through `neutralise` before it is written."""

import csv
import io
from collections.abc import Iterable, Iterator

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    """A cell a spreadsheet would read as a formula gets a leading apostrophe: text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unneutralise(text: str) -> str:
    """The cell as it was before `neutralise`: an apostrophe it added comes off again.

    Only an apostrophe followed by a formula start can be ours; any other stays.
    """
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def csv_lines(header: list[str], rows: Iterable[Iterable]) -> Iterator[str]:
    """The CSV text of `header` and `rows`, a line at a time (for streaming), each cell
    neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate(0)
        return value

    writer.writerow(header)
    yield flush()
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
        yield flush()
