"""A bargaining proposal's PDF and DOCX, in the proposal's language, through
`documents.printing`: numbered articles and sections and a table of contents. Only the
filled clause text is passed to the printer, so bargaining notes can never reach paper."""

from __future__ import annotations

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from documents.engine import DATE_FORMATS, Answers
from documents.printing import PrintOptions, render_document_docx, render_document_pdf

from .assembly import article_heading, print_sections, render_articles
from .models import BargainingProposal

PRINT_CSS = "css/print-contracts.css"


def _date(value, language: str) -> str:
    with translation.override(language):
        return formats.date_format(value, DATE_FORMATS.get(language, "DATE_FORMAT"))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def legal_note(clauses, language: str) -> str:
    """“Not legal advice. Language reviewed on <date> for <jurisdiction>.”: one line when
    every article was reviewed together, else which articles were reviewed when."""
    groups: dict[tuple, list[int]] = {}
    with translation.override(language):
        for number, clause in enumerate(clauses, start=1):
            key = (clause.reviewed_on, _lower_first(str(clause.jurisdiction_label())))
            groups.setdefault(key, []).append(number)
        parts = [_("Not legal advice.")]
        for (reviewed_on, jurisdiction), numbers in groups.items():
            if reviewed_on:
                line = _("Language reviewed on %(date)s for %(jurisdiction)s.") % {
                    "date": _date(reviewed_on, language),
                    "jurisdiction": jurisdiction,
                }
            else:
                line = _("Language not yet reviewed for %(jurisdiction)s.") % {
                    "jurisdiction": jurisdiction
                }
            if len(groups) > 1:
                line = (
                    ngettext("Article %(list)s:", "Articles %(list)s:", len(numbers))
                    % {"list": ", ".join(str(n) for n in numbers)}
                    + " "
                    + _lower_first(line)
                )
            parts.append(line)
        return " ".join(parts)


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
                footer_note=" ".join(
                    (
                        _("Prepared with Union Hall from model contract language."),
                        legal_note(clauses, language),
                    )
                ),
            ),
        }


def proposal_pdf(proposal: BargainingProposal, *, paper: str = "letter", clauses=None) -> bytes:
    return render_document_pdf(**proposal_kwargs(proposal, clauses=clauses, paper=paper))


def proposal_docx(proposal: BargainingProposal, *, paper: str = "letter", clauses=None) -> bytes:
    kwargs = proposal_kwargs(proposal, clauses=clauses, paper=paper)
    return render_document_docx(**kwargs)


TA_TEMPLATE = "print/contracts/ta_sheet.html"


def ta_paragraphs(text: str) -> list[tuple[str, str]]:
    """(number, paragraph) for each paragraph of an agreed text; a paragraph that starts
    with its section number (“2. The Employer…”) keeps that number apart."""
    rows = []
    for paragraph in (p.strip() for p in text.replace("\r\n", "\n").split("\n\n")):
        if not paragraph:
            continue
        number, _sep, rest = paragraph.partition(". ")
        if number.replace(".", "").isdigit() and rest:
            rows.append((number, rest))
        else:
            rows.append(("", paragraph))
    return rows


def ta_sheet_pdf(proposal: BargainingProposal, agreed, *, paper: str = "letter") -> bytes:
    """The tentative agreement on paper, one article a page: the agreed text, the TA date,
    and both sides' initials. `agreed` is a list of (article, its TA version)."""
    language = proposal.language
    local = proposal.local
    with translation.override(language):
        agreements = [
            {
                "heading": article_heading(article.position, article.clause.title),
                "paragraphs": ta_paragraphs(ta.text),
                "date": _date(ta.ta_on, language),
                "union_initials": ta.union_initials,
                "employer_initials": ta.employer_initials,
            }
            for article, ta in agreed
        ]
        title = _("Tentative agreement")
        intro = [
            _("Between %(local)s, %(name)s, and %(employer)s")
            % {"local": local.display_name, "name": local.name, "employer": proposal.employer},
            proposal.title,
        ]
    return render_document_pdf(
        title=title,
        header=f"{local.display_name} · {proposal.employer}",
        sections=[],
        language=language,
        intro_lines=intro,
        options=PrintOptions(paper=paper, stylesheets=[PRINT_CSS]),
        template=TA_TEMPLATE,
        extra_context={
            "agreements": agreements,
            "local_label": f"{local.display_name}, {local.name}",
            "employer": proposal.employer,
        },
    )
