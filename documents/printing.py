"""Print renderers: one filled text as a PDF (WeasyPrint) or a DOCX (python-docx).

Both take the same inputs, so a resolution, a bargaining proposal or anything else built
on `documents` prints the same way:

    render_document_pdf(title=..., header=..., sections=[PrintSection(...)], language="es",
                        options=PrintOptions(paper="a4", vote_box=True))

`sections` is a list of `PrintSection` (an optional heading and its rendered blocks) or
simply a `RenderedDocument` / list of `RenderedBlock`s (one section without a heading).
An app with its own layout passes `template="print/<app>/<name>.html"`, a template that
`{% extends "print/document.html" %}` and fills its blocks (`before_body`, `after_body`,
`extra_style`), and may add `stylesheets=["css/print-<app>.css"]`.

Line numbers (on unless `PrintOptions(line_numbers=False)`, or `?lines=0` on a print route
through `print_kwargs_for`) are the ones `documents.lines.number_lines` gives: the PDF prints
each of those lines as one line with its number in the margin, and the DOCX puts the same
breaks in and lets Word's own line numbering count them. `render_bilingual_pdf` prints two
texts side by side, paragraph beside paragraph.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from core.pdf import render_pdf

from .engine import RenderedBlock, RenderedDocument
from .lines import LINE_WIDTH, NumberedLine, line_spans, number_lines

PAPER_SIZES = {"letter": "letter", "a4": "A4"}


@dataclass
class PrintSection:
    heading: str = ""
    blocks: list[RenderedBlock] = field(default_factory=list)
    anchor: str = ""


@dataclass
class VoteTally:
    """Filled in when the result is known (an adopted text); blank lines otherwise."""

    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    outcome: str = ""
    date: str = ""
    body: str = ""
    moved_by: str = ""
    seconded_by: str = ""


@dataclass
class PrintOptions:
    paper: str = "letter"  # "letter" or "a4"
    vote_box: bool = False  # the vote tally and signature box for the meeting
    toc: bool = False  # a table of contents from the section headings
    tally: VoteTally | None = None
    footer_note: str = ""
    stylesheets: Sequence[str] = ()  # extra static paths, e.g. "css/print-contracts.css"
    line_numbers: bool = True  # each printed line numbered in the margin, for amendments

    def __post_init__(self):
        if self.paper not in PAPER_SIZES:
            self.paper = "letter"


def as_sections(sections) -> list[PrintSection]:
    if isinstance(sections, RenderedDocument):
        return [PrintSection(blocks=list(sections.blocks))]
    sections = list(sections)
    if sections and isinstance(sections[0], RenderedBlock):
        return [PrintSection(blocks=sections)]
    for n, section in enumerate(sections, start=1):
        if not section.anchor:
            section.anchor = f"section-{n}"
    return sections


def line_numbers_from(request) -> bool:
    """The reader's choice on a print route: `?lines=0` prints without line numbers."""
    return request.GET.get("lines", "1") != "0"


def print_kwargs_for(request, kwargs: dict) -> dict:
    """Arguments for `render_document_pdf`/`_docx` with the reader's print choices applied,
    so every print route reads `?lines=` the same way."""
    options = kwargs.get("options") or PrintOptions()
    return {
        **kwargs,
        "options": dataclasses.replace(options, line_numbers=line_numbers_from(request)),
    }


@dataclass(frozen=True)
class PrintedBlock:
    """A block as printed: its text cut into the numbered lines `number_lines` gives."""

    block: RenderedBlock
    lines: list[NumberedLine]


@dataclass(frozen=True)
class PrintedSection:
    section: PrintSection
    blocks: list[PrintedBlock]


def printed_sections(sections: list[PrintSection], width: int = LINE_WIDTH) -> list[PrintedSection]:
    """Every section's blocks with their lines, numbered from 1 across the whole document."""
    lines = iter(number_lines([block for section in sections for block in section.blocks], width))
    # Sliced by each block's own line count rather than grouped by key: two clauses of a
    # proposal may share a block id.
    return [
        PrintedSection(
            section,
            [
                PrintedBlock(block, list(islice(lines, len(line_spans(block.text, width)))))
                for block in section.blocks
            ],
        )
        for section in sections
    ]


def _css_string(text: str) -> str:
    # A CSS string inside <style>: quote, backslash and angle brackets escaped, so typed
    # text can neither end the string nor the style element.
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("<", "\\3c ")
        .replace(">", "\\3e ")
        .replace("\n", " ")
    )
    return f'"{escaped}"'


def page_counter_css() -> str:
    """`"Page " counter(page) " of " counter(pages)` in the active language."""
    template = _("Page {page} of {pages}")
    before, _sep, rest = template.partition("{page}")
    middle, _sep, after = rest.partition("{pages}")
    parts = [
        _css_string(before),
        "counter(page)",
        _css_string(middle),
        "counter(pages)",
        _css_string(after),
    ]
    return " ".join(part for part in parts if part != '""')


def render_document_html(
    *,
    title: str,
    header: str,
    sections,
    language: str = "en",
    options: PrintOptions | None = None,
    intro_lines: Iterable[str] = (),
    template: str = "print/document.html",
    extra_context: dict | None = None,
) -> str:
    options = options or PrintOptions()
    sections = as_sections(sections)
    with translation.override(language):
        context = {
            "title": title,
            "header": header,
            "sections": sections,
            "printed_sections": printed_sections(sections),
            "language": language,
            "options": options,
            "paper_size": PAPER_SIZES[options.paper],
            "page_counter": page_counter_css(),
            "header_css": _css_string(header),
            "intro_lines": [line for line in intro_lines if line],
            "vote_rows": vote_rows(options.tally or VoteTally()),
            **(extra_context or {}),
        }
        return render_to_string(template, context)


def render_document_pdf(**kwargs) -> bytes:
    """Same arguments as `render_document_html`; returns the PDF's bytes."""
    return render_pdf(render_document_html(**kwargs))


def render_document_docx(
    *,
    title: str,
    header: str,
    sections,
    language: str = "en",
    options: PrintOptions | None = None,
    intro_lines: Iterable[str] = (),
) -> bytes:
    """The same text as an editable Word document: numbered paragraphs as typed numbers
    (so they survive any editor), the header line and "page X of Y" in every page."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    options = options or PrintOptions()
    document = Document()
    section = document.sections[0]
    if options.paper == "a4":
        section.page_width, section.page_height = Mm(210), Mm(297)
    else:
        section.page_width, section.page_height = Mm(215.9), Mm(279.4)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(22))
    style = document.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(11.5)

    with translation.override(language):
        section.header.paragraphs[0].text = header
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_x_of_y(footer, _("Page {page} of {pages}"))

        document.core_properties.title = title
        document.core_properties.language = language
        document.add_heading(title, level=1)
        for line in intro_lines:
            if line:
                document.add_paragraph(line)
        printable = as_sections(sections)
        if options.toc:
            document.add_heading(_("Contents"), level=2)
            for part in printable:
                if part.heading:
                    document.add_paragraph(part.heading, style="List Bullet")
        for part in printable:
            if part.heading:
                document.add_heading(part.heading, level=2)
            for block in part.blocks:
                if block.heading:
                    document.add_heading(block.text, level=3)
                    continue
                paragraph = document.add_paragraph()
                paragraph.paragraph_format.space_after = Pt(8)
                number = paragraph.add_run(f"{block.number}.\t")
                number.bold = True
                paragraph.add_run(block.text)
        if options.vote_box:
            _vote_table(document, options.tally or VoteTally())
        if options.footer_note:
            document.add_paragraph(options.footer_note)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _field(paragraph, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _page_x_of_y(paragraph, template: str) -> None:
    before, _sep, rest = template.partition("{page}")
    middle, _sep, after = rest.partition("{pages}")
    paragraph.add_run(before)
    _field(paragraph, "PAGE")
    paragraph.add_run(middle)
    _field(paragraph, "NUMPAGES")
    paragraph.add_run(after)


def vote_rows(tally: VoteTally) -> list[tuple[str, str]]:
    def shown(value) -> str:
        return "" if value is None else str(value)

    return [
        (_("Meeting"), tally.body),
        (_("Date"), tally.date),
        (_("Moved by"), tally.moved_by),
        (_("Seconded by"), tally.seconded_by),
        (_("Votes for"), shown(tally.votes_for)),
        (_("Votes against"), shown(tally.votes_against)),
        (_("Abstentions"), shown(tally.abstentions)),
        (_("Outcome"), tally.outcome),
        (_("Chair's signature"), ""),
        (_("Secretary's signature"), ""),
    ]


def _vote_table(document, tally: VoteTally) -> None:
    from docx.shared import Pt

    document.add_heading(_("Vote of the meeting"), level=2)
    rows = vote_rows(tally)
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text = label
        row.cells[1].text = value
        row.height = Pt(26)
