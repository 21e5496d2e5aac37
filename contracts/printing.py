"""A bargaining proposal's PDF and DOCX, in the proposal's language, through
`documents.printing`: numbered articles and sections and a table of contents. Only the
filled clause text is passed to the printer, so bargaining notes can never reach paper."""

from __future__ import annotations

from django.utils import formats, translation
from django.utils.translation import gettext as _

from documents.engine import DATE_FORMATS, Answers
from documents.printing import PrintOptions, render_document_docx, render_document_pdf

from .assembly import print_sections, render_articles
from .models import BargainingProposal

PRINT_CSS = "css/print-contracts.css"


def _date(value, language: str) -> str:
    with translation.override(language):
        return formats.date_format(value, DATE_FORMATS.get(language, "DATE_FORMAT"))


def proposal_kwargs(proposal: BargainingProposal, *, clauses=None, paper: str = "letter") -> dict:
    """Arguments for `render_document_pdf`/`render_document_docx`. Raises ValidationError
    when the answers do not fill every clause."""
    language = proposal.language
    if clauses is None:
        clauses = [item.clause for item in proposal.items.select_related("clause")]
    articles = render_articles(clauses, Answers.from_dict(proposal.answers), language=language)
    local = proposal.local
    with translation.override(language):
        status = proposal.get_status_display()
        reached = dict(proposal.timeline()).get(status)
        intro = [
            _("Proposal of %(local)s, %(name)s, to %(employer)s")
            % {"local": local.display_name, "name": local.name, "employer": proposal.employer},
            _("%(status)s on %(date)s")
            % {"status": status, "date": _date(reached or proposal.drafted_on, language)},
        ]
        return {
            "title": proposal.title,
            "header": f"{local.display_name} · {proposal.employer}",
            "sections": print_sections(articles, language=language),
            "language": language,
            "intro_lines": intro,
            "options": PrintOptions(
                paper=paper,
                toc=True,
                stylesheets=[PRINT_CSS],
                footer_note=_("Prepared with Union Hall from model contract language."),
            ),
        }


def proposal_pdf(proposal: BargainingProposal, *, paper: str = "letter", clauses=None) -> bytes:
    return render_document_pdf(**proposal_kwargs(proposal, clauses=clauses, paper=paper))


def proposal_docx(proposal: BargainingProposal, *, paper: str = "letter", clauses=None) -> bytes:
    kwargs = proposal_kwargs(proposal, clauses=clauses, paper=paper)
    return render_document_docx(**kwargs)
