"""The delivery PDF: a cover (demand, count, departments if chosen) and the names as each
signer chose.

A WeasyPrint <table> of 10,000 rows takes about a minute and 900 MB, because table layout
is global. Here Python paginates: each sheet is one preformatted text block, three names
to a line aligned by tab stops (see `sheets`), and sheets are laid out in chunks of
CHUNK_SHEETS pages (each chunk a small document, so progress can be reported), then all
pages are written in one pass. Layout cost is linear in the number of names.
"""

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils import timezone

from core.pdf import layout_pdf

from . import selectors
from .models import PetitionPage

COLUMNS = 3
LINES = 46  # lines per column on an A4/Letter sheet at the print CSS's line height
PER_SHEET = COLUMNS * LINES
NAME_CHARS = 32  # fits a third of the line at the print CSS's size; longer names end in …
CHUNK_SHEETS = 12


def _fit(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "…"


def sheets(names: list[str]) -> list[str]:
    """Names split into sheets of LINES lines, each line COLUMNS names separated by tabs.

    A sheet is one preformatted text block, and tab stops (print CSS `tab-size`, one
    column wide) line the names up in columns. WeasyPrint's cost is per line box, so a
    line of three names costs about what one name on its own line would."""
    result = []
    for start in range(0, len(names), PER_SHEET):
        block = [_fit(name) for name in names[start : start + PER_SHEET]]
        lines = ["\t".join(block[i : i + COLUMNS]) for i in range(0, len(block), COLUMNS)]
        result.append("\n".join(lines))
    return result


def render_delivery(
    page: PetitionPage,
    *,
    count_only: bool,
    with_departments: bool = False,
    progress: Callable[[int], None] = lambda p: None,
) -> tuple[bytes, int]:
    """The PDF bytes and the number of confirmed signatures in it. The department table is
    in only when asked for (the sign form told signers whether it might be)."""
    source_id = page.source_id
    count = selectors.exact_confirmed(source_id)
    # Checked when the PDF is drawn, not when it was asked for: the seal may hold still.
    seal = selectors.seal_state(page)
    names, hidden = ([], count) if count_only else selectors.delivery_names(page)
    departments = []
    coverage = []
    if with_departments:
        language = page.locale.language_code
        coverage = selectors.department_coverage(page, language=language)
        if not coverage:
            departments = [
                (name, n)
                for name, n in selectors.department_counts(page, suppress=True, language=language)
                if name
            ]
    context = {
        "page": page,
        "seal": seal,
        "coverage": coverage,
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
    steps = 2 + len(chunks)  # the cover, each chunk, and writing the file
    cover = layout_pdf(render_to_string("print/petitions/delivery_cover.html", context))
    pages = list(cover.pages)
    progress(round(100 / steps))
    first_sheet = 1
    for number, chunk in enumerate(chunks, start=1):
        html = render_to_string(
            "print/petitions/delivery_names.html",
            {**context, "sheets": chunk, "first_sheet": first_sheet},
        )
        pages.extend(layout_pdf(html).pages)
        first_sheet += len(chunk)
        progress(round(100 * (number + 1) / steps))
    # One write for all pages: fonts are subset once, not once per chunk.
    data = cover.copy(pages).write_pdf()
    return data, count
