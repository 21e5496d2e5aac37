"""The delivery PDF: a cover (demand, count, departments) and the names as each signer chose.

A WeasyPrint <table> of 10,000 rows takes about a minute and 900 MB, because table layout
is global. Here Python paginates: each sheet is a fixed grid of one-line blocks in three
floated columns, and sheets are rendered in chunks of CHUNK_SHEETS pages, each chunk a
separate small document merged at the end. Layout cost is linear and memory is bounded
by one chunk.
"""

import io
from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils import timezone
from pypdf import PdfWriter

from home.pdf import render_pdf

from . import selectors
from .models import PetitionPage

COLUMNS = 3
LINES = 46  # lines per column on an A4/Letter sheet at the print CSS's line height
PER_SHEET = COLUMNS * LINES
CHUNK_SHEETS = 12


def sheets(names: list[str]) -> list[list[list[str]]]:
    """Names split into sheets of COLUMNS columns of LINES lines."""
    result = []
    for start in range(0, len(names), PER_SHEET):
        block = names[start : start + PER_SHEET]
        result.append([block[c * LINES : (c + 1) * LINES] for c in range(COLUMNS)])
    return result


def render_delivery(
    page: PetitionPage, *, count_only: bool, progress: Callable[[int], None] = lambda p: None
) -> tuple[bytes, int]:
    """The PDF bytes and the number of confirmed signatures in it."""
    source_id = page.source_id
    count = selectors.exact_confirmed(source_id)
    names, hidden = ([], count) if count_only else selectors.delivery_names(source_id)
    departments = [
        (name, n) for name, n in selectors.department_counts(page, suppress=True) if name
    ]
    context = {
        "page": page,
        "count": count,
        "hidden": hidden,
        "count_only": count_only,
        "departments": departments,
        "min_cell": selectors.MIN_CELL,
        "generated": timezone.localdate(),
        "listed": len(names),
    }
    all_sheets = sheets(names)
    chunks = [all_sheets[i : i + CHUNK_SHEETS] for i in range(0, len(all_sheets), CHUNK_SHEETS)]
    steps = 1 + len(chunks)
    writer = PdfWriter()
    cover = render_pdf(render_to_string("print/petitions/delivery_cover.html", context))
    writer.append(io.BytesIO(cover))
    progress(round(100 / steps))
    first_sheet = 1
    for number, chunk in enumerate(chunks, start=1):
        html = render_to_string(
            "print/petitions/delivery_names.html",
            {**context, "sheets": chunk, "first_sheet": first_sheet},
        )
        writer.append(io.BytesIO(render_pdf(html)))
        first_sheet += len(chunk)
        progress(round(100 * (number + 1) / steps))
    writer.add_metadata({"/Title": page.title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), count
