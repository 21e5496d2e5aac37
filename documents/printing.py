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


def css_string(text: str) -> str:
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


def page_counter_css(template: str | None = None) -> str:
    """`"Page " counter(page) " of " counter(pages)` in the active language, or any other
    already translated `template` with `{page}` and `{pages}` in it."""
    template = template or _("Page {page} of {pages}")
    before, _sep, rest = template.partition("{page}")
    middle, _sep, after = rest.partition("{pages}")
    parts = [
        css_string(before),
        "counter(page)",
        css_string(middle),
        "counter(pages)",
        css_string(after),
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
            "header_css": css_string(header),
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
    """The same text as an editable Word document: the header line and "page X of Y" in
    every page, paragraphs numbered by Word's own list numbering (so an editor inserting a
    paragraph renumbers the rest), and, with line numbers on, the lines `number_lines` gives
    as explicit breaks inside each paragraph, counted by Word's own line numbering. Only
    the text's blocks are counted: the title, intro, headings of sections, contents, vote
    box and note suppress line numbers, as `number_lines` does not count them."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
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
    # Small enough that Word never wraps a line number_lines gave (LINE_WIDTH characters),
    # which would make Word's count run ahead of the PDF's.
    style.font.size = Pt(11)
    if options.line_numbers:
        _line_numbering(section)
    printable = as_sections(sections)
    numbering = _paragraph_numbering(document, printable)
    uncounted = []  # paragraphs number_lines does not count

    with translation.override(language):
        section.header.paragraphs[0].text = header
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_x_of_y(footer, _("Page {page} of {pages}"))

        document.core_properties.title = title
        document.core_properties.language = language
        uncounted.append(document.add_heading(title, level=1))
        for line in intro_lines:
            if line:
                uncounted.append(document.add_paragraph(line))
        if options.toc:
            uncounted.append(document.add_heading(_("Contents"), level=2))
            for part in printable:
                if part.heading:
                    uncounted.append(document.add_paragraph(part.heading, style="List Bullet"))
        for printed in printed_sections(printable):
            if printed.section.heading:
                uncounted.append(document.add_heading(printed.section.heading, level=2))
            for item in printed.blocks:
                block = item.block
                if block.heading:
                    paragraph = document.add_heading(level=3)
                else:
                    paragraph = document.add_paragraph()
                    paragraph.paragraph_format.space_after = Pt(8)
                    _number(paragraph, numbering[id(block)])
                if options.line_numbers:
                    for n, line in enumerate(item.lines):
                        run = paragraph.add_run(line.text)
                        if n < len(item.lines) - 1:
                            run.add_break(WD_BREAK.LINE)
                else:
                    paragraph.add_run(block.text)
        if options.vote_box:
            uncounted.extend(_vote_table(document, options.tally or VoteTally()))
        if options.footer_note:
            uncounted.append(document.add_paragraph(options.footer_note))
    if options.line_numbers:
        for paragraph in uncounted:
            _suppress_line_numbers(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _line_numbering(section) -> None:
    """Word numbers every line in the margin, 1, 2, 3..., from 1 again in each section (a
    document is one section, so from 1 per document, as `number_lines` does)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:lnNumType")
    element.set(qn("w:countBy"), "1")
    element.set(qn("w:restart"), "newSection")
    element.set(qn("w:distance"), str(360))  # a quarter inch, in twentieths of a point
    sect_pr = section._sectPr
    # Schema order: lnNumType comes after pgMar and before cols.
    following = sect_pr.find(qn("w:cols"))
    if following is not None:
        following.addprevious(element)
    else:
        sect_pr.append(element)


def _suppress_line_numbers(paragraph) -> None:
    from docx.oxml import OxmlElement

    paragraph._p.get_or_add_pPr().insert_element_before(
        OxmlElement("w:suppressLineNumbers"), *[f"w:{tag}" for tag in _PPR_AFTER_NUMPR[1:]]
    )


_NUMBER_RE = re.compile(r"^(.*?)(\d+)$")


def _paragraph_numbering(document, sections: list[PrintSection]) -> dict[int, str]:
    """A Word list for each run of paragraphs numbered prefix+1, prefix+2... ("1", "2" or
    "3.1", "3.2"), so Word prints exactly the engine's numbers. Returns the numId for each
    block (by id()). A number that is not a counter ("A") gets a one-item list of its own."""
    from docx.oxml import parse_xml

    runs: list[tuple[str, int, list[RenderedBlock]]] = []  # (prefix, start, blocks)
    for part in sections:
        for block in part.blocks:
            if block.heading:
                continue
            match = _NUMBER_RE.match(block.number or "")
            prefix, value = (match.group(1), int(match.group(2))) if match else (None, 0)
            if (
                runs
                and prefix is not None
                and runs[-1][0] == prefix
                and runs[-1][1] + len(runs[-1][2]) == value
            ):
                runs[-1][2].append(block)
            else:
                runs.append((prefix if prefix is not None else block.number, value, [block]))
    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(_w("abstractNumId"))) for a in numbering.findall(_w("abstractNum"))]
    num_ids = [int(n.get(_w("numId"))) for n in numbering.findall(_w("num"))]
    next_abstract, next_num = max(abstract_ids, default=-1) + 1, max(num_ids, default=0) + 1
    found: dict[int, str] = {}
    for prefix, start, blocks in runs:
        counter = _NUMBER_RE.match(blocks[0].number or "") is not None
        text = f"{_xml_attr(prefix)}%1." if counter else f"{_xml_attr(prefix)}."
        abstract = parse_xml(
            f'<w:abstractNum {_W_NS} w:abstractNumId="{next_abstract}">'
            '<w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="{max(start, 0)}"/>'
            f'<w:numFmt w:val="{"decimal" if counter else "none"}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr>'
            "<w:rPr><w:b/></w:rPr></w:lvl></w:abstractNum>"
        )
        first_num = numbering.find(_w("num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(
            parse_xml(
                f'<w:num {_W_NS} w:numId="{next_num}">'
                f'<w:abstractNumId w:val="{next_abstract}"/></w:num>'
            )
        )
        for block in blocks:
            found[id(block)] = str(next_num)
        next_abstract += 1
        next_num += 1
    return found


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _w(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{name}")


def _xml_attr(text: str) -> str:
    from xml.sax.saxutils import quoteattr

    # quoteattr adds the quotes; the lvlText value is written inside our own, and a "%"
    # would be read by Word as a level placeholder.
    return quoteattr(text.replace("%", ""))[1:-1]


def _number(paragraph, num_id: str) -> None:
    from docx.oxml import OxmlElement

    num_pr = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(_w("val"), "0")
    num = OxmlElement("w:numId")
    num.set(_w("val"), num_id)
    num_pr.append(level)
    num_pr.append(num)
    paragraph._p.get_or_add_pPr().insert_element_before(
        num_pr, *[f"w:{tag}" for tag in _PPR_AFTER_NUMPR]
    )


# pPr children that come after numPr in the schema (python-docx wants them named).
_PPR_AFTER_NUMPR = (
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)


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


def _vote_table(document, tally: VoteTally) -> list:
    """The vote box; returns its paragraphs (none of them a line of the text)."""
    from docx.shared import Pt

    heading = document.add_heading(_("Vote of the meeting"), level=2)
    rows = vote_rows(tally)
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text = label
        row.cells[1].text = value
        row.height = Pt(26)
    return [heading, *(p for row in table.rows for cell in row.cells for p in cell.paragraphs)]


# -- two languages side by side ------------------------------------------------------------


@dataclass
class PrintColumn:
    """One language's text for `render_bilingual_pdf`."""

    language: str
    title: str
    blocks: list[RenderedBlock]


@dataclass(frozen=True)
class BilingualRow:
    """A paragraph in both languages: either side may be missing when a translation has a
    paragraph the other lacks. `number` is printed on both sides, so "paragraph 4" is the
    same paragraph in either language."""

    number: str
    heading: bool
    left: PrintedBlock | None
    right: PrintedBlock | None

    @property
    def sides(self) -> tuple[PrintedBlock | None, PrintedBlock | None]:
        return self.left, self.right


def _printed(blocks: list[RenderedBlock], width: int) -> dict[int, PrintedBlock]:
    (section,) = printed_sections([PrintSection(blocks=blocks)], width)
    return {n: item for n, item in enumerate(section.blocks)}


def bilingual_rows(
    left: list[RenderedBlock], right: list[RenderedBlock], width: int = LINE_WIDTH
) -> list[BilingualRow]:
    """Paragraphs paired by their key (a translation keeps the source's block ids), in the
    left text's order. Each side keeps its own line numbers, the ones its own one-language
    PDF prints, so a line cited from either language's copy is found on this one too."""
    from difflib import SequenceMatcher

    left_printed, right_printed = _printed(left, width), _printed(right, width)
    matcher = SequenceMatcher(None, [b.key for b in left], [b.key for b in right], autojunk=False)
    rows: list[BilingualRow] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                rows.append(
                    BilingualRow(left[i].number, left[i].heading, left_printed[i], right_printed[j])
                )
            continue
        rows.extend(
            BilingualRow(left[i].number, left[i].heading, left_printed[i], None)
            for i in range(i1, i2)
        )
        rows.extend(
            BilingualRow(right[j].number, right[j].heading, None, right_printed[j])
            for j in range(j1, j2)
        )
    return rows


def render_bilingual_html(
    *,
    header: str,
    columns: tuple[PrintColumn, PrintColumn],
    options: PrintOptions | None = None,
    intro_lines: Iterable[str] = (),
    template: str = "print/bilingual.html",
) -> str:
    """Two texts side by side on a landscape page, one row per paragraph. Each column is as
    wide as a one-language page's text, so its lines break where that PDF's do."""
    options = options or PrintOptions()
    left, right = columns
    counters = []
    for column in columns:
        with translation.override(column.language):
            counters.append(page_counter_css())
    with translation.override(left.language):
        context = {
            "title": left.title,
            "header": header,
            "sections": [],
            "printed_sections": [],
            "columns": [
                {"language": c.language, "title": c.title, "name": _language_name(c.language)}
                for c in columns
            ],
            "rows": bilingual_rows(left.blocks, right.blocks),
            "language": left.language,
            "options": dataclasses.replace(options, vote_box=False, toc=False),
            "paper_size": f"{PAPER_SIZES[options.paper]} landscape",
            "page_counter": ' " · " '.join(counters),
            "header_css": css_string(header),
            "intro_lines": [line for line in intro_lines if line],
            "vote_rows": [],
        }
        return render_to_string(template, context)


def render_bilingual_pdf(**kwargs) -> bytes:
    """Same arguments as `render_bilingual_html`; returns the PDF's bytes."""
    return render_pdf(render_bilingual_html(**kwargs))


def _language_name(code: str) -> str:
    return translation.get_language_info(code)["name_local"].capitalize()
