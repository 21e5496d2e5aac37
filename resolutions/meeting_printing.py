"""A meeting's packet as one PDF: a cover with the agenda, then each resolution on its own pages.

Each resolution is laid out as a WeasyPrint document of its own, so its CSS page counters
(`counter(page)`, `counter(pages)`) count its own pages: "Resolution 2 — page 1 of 3" is what a
member reading the second item holds, wherever it sits in the packet. The cover is laid out
last, from the real page counts, and every page is then written into one PDF. A resolution with
amendments proposed before the meeting is followed by its amendment sheet, so the chair and the
members have the lines and the amendments that cite them together.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from weasyprint import Document

from core.pdf import layout_pdf
from documents.engine import DATE_FORMATS
from documents.printing import PrintOptions, css_string, page_counter_css, render_document_html

from .models import Adaptation, Meeting
from .printing import PRINT_CSS, adaptation_kwargs, amendment_sheet_html, local_line

ITEM_TEMPLATE = "print/resolutions/packet_item.html"
COVER_TEMPLATE = "print/resolutions/packet_cover.html"
# A cover grows by a page only with a very long agenda; laying it out again settles it.
COVER_ATTEMPTS = 3


@dataclass
class PacketEntry:
    """One resolution of the packet: its agenda position and the packet pages it takes."""

    position: int
    adaptation: Adaptation
    document: Document
    sheet: Document | None = None  # its amendment sheet, when amendments are on the table
    first_page: int = 0
    details: str = ""  # the cover's line under the title: number, draft name, page count

    @property
    def all_pages(self) -> list:
        return [*self.document.pages, *(self.sheet.pages if self.sheet else [])]

    @property
    def pages(self) -> int:
        return len(self.all_pages)

    @property
    def resolution(self):
        return self.adaptation.resolution


@dataclass
class Packet:
    cover: Document
    entries: list[PacketEntry]

    @property
    def document(self) -> Document:
        pages = [*self.cover.pages, *(p for entry in self.entries for p in entry.all_pages)]
        # The cover's metadata (its title) names the whole packet.
        return self.cover.copy(pages)

    def write_pdf(self) -> bytes:
        return self.document.write_pdf()


def meeting_date(meeting: Meeting) -> str:
    """The meeting's date as the active language writes it in a document."""
    return formats.date_format(
        meeting.date, DATE_FORMATS.get(translation.get_language(), "DATE_FORMAT")
    )


def meeting_line(meeting: Meeting) -> str:
    """ "Membership meeting · March 4, 2027 · Union hall", in the active language."""
    parts = [meeting.get_body_display(), meeting_date(meeting), meeting.place]
    return " · ".join(str(part) for part in parts if part)


def item_counter_css(position: int) -> str:
    """`"Resolution 2 — page " counter(page) " of " counter(pages)` in the active language."""
    return page_counter_css(
        _("Resolution %(number)s — page {page} of {pages}") % {"number": position}
    )


def item_html(meeting: Meeting, adaptation: Adaptation, *, position: int, paper: str) -> str:
    """One resolution as it prints in the packet: the adaptation's own document, in its own
    language, with the agenda position in every page's footer and the meeting in its header."""
    kwargs = adaptation_kwargs(adaptation, paper=paper)
    with translation.override(kwargs["language"]):
        extra = {
            "packet_counter": item_counter_css(position),
            "packet_meeting": css_string(f"{meeting.title} · {meeting_date(meeting)}"),
        }
    return render_document_html(**kwargs, template=ITEM_TEMPLATE, extra_context=extra)


def _cover_options(paper: str) -> PrintOptions:
    # The cover is a table of contents, not text a meeting amends by line.
    return PrintOptions(paper=paper, stylesheets=[PRINT_CSS], line_numbers=False)


def _cover_words(entries: list[PacketEntry], total_pages: int) -> dict[str, str]:
    """The cover's words in the active language. They are given here rather than in the
    template, so that they stay in the resolutions app's catalogue."""
    for entry in entries:
        pages = ngettext("%(count)s page", "%(count)s pages", entry.pages) % {"count": entry.pages}
        sheet = _("with its amendment sheet") if entry.sheet else ""
        parts = [entry.resolution.number, entry.adaptation.label, pages, sheet]
        entry.details = " · ".join(part for part in parts if part)
    return {
        "agenda": _("Agenda"),
        "resolution": _("Resolution"),
        "starts_on": _("Starts on page"),
        "total": ngettext(
            "This packet has %(count)s page, this cover included.",
            "This packet has %(count)s pages, this cover included.",
            total_pages,
        )
        % {"count": total_pages},
        "empty": _("No resolutions are on the agenda yet."),
    }


def cover_html(meeting: Meeting, entries: list[PacketEntry], *, paper: str, language: str) -> str:
    cover_pages = entries[0].first_page - 1 if entries else 1
    total = cover_pages + sum(entry.pages for entry in entries)
    with translation.override(language):
        intro = [meeting_line(meeting)]
        footer = css_string(_("Meeting packet"))
        words = _cover_words(entries, total)
    return render_document_html(
        title=meeting.title,
        header=local_line(meeting.local),
        sections=[],
        language=language,
        options=_cover_options(paper),
        intro_lines=intro,
        template=COVER_TEMPLATE,
        extra_context={"entries": entries, "words": words, "cover_footer": footer},
    )


def _sheet(adaptation: Adaptation, *, paper: str) -> Document | None:
    amendments = list(adaptation.sheet_amendments())
    if not amendments:
        return None
    return layout_pdf(amendment_sheet_html(adaptation, amendments, paper=paper))


def packet_layout(meeting: Meeting, *, paper: str = "letter", language: str = "en") -> Packet:
    """Every page of the packet, laid out: the resolutions first, then the cover that says
    where each one starts."""
    items = meeting.items.select_related(
        "adaptation__resolution__locale", "adaptation__local__affiliation"
    ).order_by("position")
    entries = [
        PacketEntry(
            position=item.position,
            adaptation=item.adaptation,
            document=layout_pdf(
                item_html(meeting, item.adaptation, position=item.position, paper=paper)
            ),
            sheet=_sheet(item.adaptation, paper=paper),
        )
        for item in items
    ]
    cover_pages = 1
    for _attempt in range(COVER_ATTEMPTS):
        page = cover_pages + 1
        for entry in entries:
            entry.first_page = page
            page += entry.pages
        cover = layout_pdf(cover_html(meeting, entries, paper=paper, language=language))
        if len(cover.pages) == cover_pages:
            break
        cover_pages = len(cover.pages)
    return Packet(cover=cover, entries=entries)


def packet_pdf(meeting: Meeting, *, paper: str = "letter", language: str = "en") -> bytes:
    return packet_layout(meeting, paper=paper, language=language).write_pdf()
