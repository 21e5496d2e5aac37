"""Print for organizing on paper: pocket handout cards with a QR code, and numbered sign-up
sheets whose QR code opens that sheet's entry page. Both are WeasyPrint PDFs; every QR code
is drawn here (core.qr), never fetched, since it may carry an unlisted petition's address.
"""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from core.pdf import render_pdf
from core.qr import qr_svg

from . import selectors
from .models import PaperSheet, PetitionPage, Signature
from .services import _page_in

# (page size for @page, cards across, cards down). Eight pocket cards, about 10 x 6.5 cm.
PAPER = {"letter": ("letter", 2, 4), "a4": ("A4", 2, 4)}
CARD_LANGUAGES = ("en", "es", "both")
SHEET_ROWS = 15  # rows on a printed sheet; the entry form has the same rows


def petition_url(page: PetitionPage) -> str:
    return settings.SITE_URL + page.url


def short_link(url: str) -> str:
    """The link as a person types it: no scheme."""
    return url.split("://", 1)[-1]


def sheet_entry_url(page: PetitionPage, number: int) -> str:
    return petition_url(page) + page.reverse_subpage("sheet", args=[number]).lstrip("/")


@dataclass(frozen=True)
class CardSide:
    """One language's words on a card."""

    language: str
    page: PetitionPage
    name: str
    url: str
    link: str
    qr: str


def _card_side(page: PetitionPage, language: str) -> CardSide:
    translated = _page_in(page, language)
    url = petition_url(translated)
    return CardSide(
        language=language,
        page=translated,
        name=translated.shown_title,
        url=url,
        link=short_link(url),
        qr=mark_safe(qr_svg(url, css_class="qr", border=2)),  # noqa: S308 (our own SVG)
    )


def render_cards(page: PetitionPage, *, language: str, paper: str) -> bytes:
    """A page of handout cards. "both" makes each card bilingual, English then Spanish, each
    with its own QR code: a steward handing cards out on a shift doesn't know which language
    the next coworker reads."""
    size, across, down = PAPER[paper]
    languages = ["en", "es"] if language == "both" else [language]
    sides = [_card_side(page, code) for code in languages]
    context = {
        "sides": sides,
        "cards": range(across * down),
        "paper": paper,
        "page_size": size,
        "min_cell": selectors.MIN_CELL,
        "language": languages[0],
        "bilingual": len(sides) > 1,
    }
    with translation.override(languages[0]):
        return render_pdf(render_to_string("petitions/print_cards.html", context))


def name_display_options(page: PetitionPage) -> list[tuple[str, str]]:
    """The ways a name may be shown that this petition allows, as on the sign form."""
    options = []
    if page.allow_full_name:
        options.append(Signature.NameDisplay.FULL)
    if page.allow_initial:
        options.append(Signature.NameDisplay.INITIAL)
    options.append(Signature.NameDisplay.HIDDEN)
    return [(choice.value, choice.label) for choice in options]


def render_sheets(page: PetitionPage, sheets: list[PaperSheet], *, paper: str) -> bytes:
    """Numbered sign-up sheets, one page each, in the sheets' language."""
    language = sheets[0].language
    translated = _page_in(page, language)
    with translation.override(language):
        context = {
            "page": translated,
            "name": translated.shown_title,
            "link": short_link(petition_url(translated)),
            "sheets": [
                {
                    "number": sheet.number,
                    "qr": mark_safe(  # noqa: S308 (our own SVG)
                        qr_svg(sheet_entry_url(translated, sheet.number), border=1)
                    ),
                }
                for sheet in sheets
            ],
            "rows": range(1, SHEET_ROWS + 1),
            "displays": name_display_options(translated),
            "asks_department": translated.department_field
            != PetitionPage.DepartmentField.NOT_ASKED,
            "departments": [label for _key, label in translated.department_options(language)],
            "page_size": PAPER[paper][0],
            "language": language,
            "min_cell": selectors.MIN_CELL,
        }
        return render_pdf(render_to_string("petitions/print_sheets.html", context))
