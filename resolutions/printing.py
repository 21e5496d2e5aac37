"""A resolution's PDF and DOCX, in the resolution's own language, through documents.printing."""

from __future__ import annotations

from django.utils import formats, translation
from django.utils.translation import gettext as _

from core.pdf import render_pdf
from documents.engine import DATE_FORMATS, Answers, RenderedBlock, RenderedDocument, model_text
from documents.printing import (
    PrintOptions,
    VoteTally,
    render_document_docx,
    render_document_html,
    render_document_pdf,
)
from documents.variables import VariableType, variables_from

PRINT_CSS = "css/print-resolutions.css"
# The blank that names the meeting. Its answer is the planned date; once the vote is
# reported, the adopted text states the date the report gives.
MEETING_DATE_NAME = "meeting_date"


def meeting_date_names(variables) -> list[str]:
    """Names of the date variables that stand for the meeting the text goes before."""
    return [
        v.name
        for v in variables_from(variables)
        if v.type == VariableType.DATE and v.name == MEETING_DATE_NAME
    ]


def local_line(local) -> str:
    return f"{local.display_name} · {local.name}"


def _options(paper: str, tally: VoteTally | None = None) -> PrintOptions:
    return PrintOptions(
        paper=paper,
        vote_box=True,
        tally=tally,
        stylesheets=[PRINT_CSS],
        footer_note=_("Prepared with Union Hall from a model resolution."),
    )


def _kwargs(
    resolution, *, header: str, blocks, intro: list[str], paper: str, tally=None, number=True
):
    number_line = [_("Resolution %(number)s") % {"number": resolution.number}] if number else []
    return {
        "title": resolution.title,
        "header": header,
        "sections": blocks,
        "language": resolution.language,
        "intro_lines": [*number_line, *intro],
        "options": _options(paper, tally),
    }


def model_kwargs(resolution, *, paper: str = "letter") -> dict:
    with translation.override(resolution.language):
        document = model_text(resolution.body, variables=resolution.variables)
        return _kwargs(
            resolution,
            header=_("Model resolution %(number)s") % {"number": resolution.number},
            blocks=document,
            intro=[_("Model text: fill in each [blank] before the meeting.")],
            paper=paper,
            number=False,
        )


def answered_local_name(resolution, answers: Answers) -> str:
    """For a document made without an account: the answer to the first "local" blank."""
    for variable in variables_from(resolution.variables):
        if variable.type == VariableType.LOCAL and answers.values.get(variable.name):
            return answers.values[variable.name]
    return ""


def anonymous_kwargs(resolution, document: RenderedDocument, answers: Answers, paper: str) -> dict:
    with translation.override(resolution.language):
        header = answered_local_name(resolution, answers) or resolution.title
        return _kwargs(resolution, header=header, blocks=document, intro=[], paper=paper)


def _tally(report) -> VoteTally:
    date = formats.date_format(
        report.meeting_date, DATE_FORMATS.get(translation.get_language(), "DATE_FORMAT")
    )
    return VoteTally(
        votes_for=report.votes_for,
        votes_against=report.votes_against,
        abstentions=report.abstentions,
        outcome=report.get_outcome_display(),
        date=date,
        body=report.get_body_display(),
        moved_by=report.moved_by,
        seconded_by=report.seconded_by,
    )


def adaptation_kwargs(
    adaptation, *, blocks: list[RenderedBlock] | None = None, report=None, paper: str = "letter"
) -> dict:
    resolution = adaptation.resolution
    with translation.override(resolution.language):
        intro = [adaptation.local.name + ", " + adaptation.local.city]
        tally = _tally(report) if report is not None else None
        if report is not None:
            intro.append(
                _("%(outcome)s: %(body)s, %(date)s.")
                % {"outcome": tally.outcome, "body": tally.body, "date": tally.date}
            )
        return _kwargs(
            resolution,
            header=local_line(adaptation.local),
            blocks=blocks if blocks is not None else adaptation.blocks,
            intro=intro,
            paper=paper,
            tally=tally,
        )


def adaptation_pdf(adaptation, *, blocks=None, report=None, paper: str = "letter") -> bytes:
    return render_document_pdf(
        **adaptation_kwargs(adaptation, blocks=blocks, report=report, paper=paper)
    )


def adaptation_docx(adaptation, *, paper: str = "letter") -> bytes:
    kwargs = adaptation_kwargs(adaptation, paper=paper)
    return render_document_docx(**kwargs)


# -- amendments: the sheet for the meeting and the adopted text's appendix ----------------

AMENDMENT_SHEET_TEMPLATE = "print/resolutions/amendment_sheet.html"
ADOPTED_TEMPLATE = "print/resolutions/adopted.html"


def amendment_sheet_html(adaptation, amendments, *, paper: str = "letter") -> str:
    """One page (or more) for the chair: every amendment in resolution order, with the lines
    it cites, its words, movers, the committee's recommendation and boxes to tick."""
    resolution = adaptation.resolution
    with translation.override(resolution.language):
        kwargs = _kwargs(
            resolution,
            header=local_line(adaptation.local),
            blocks=[],
            intro=[
                _("Amendments to the text as printed, cited by its line numbers."),
                adaptation.label,
            ],
            paper=paper,
        )
        kwargs["title"] = _("Amendments: %(title)s") % {"title": resolution.title}
        # No vote box (each amendment has its own boxes), and the footer note printed after
        # the table (the sheet's template), not between the heading and the table.
        options = kwargs["options"]
        options.vote_box = False
        note, options.footer_note = options.footer_note, ""
        return render_document_html(
            **kwargs,
            template=AMENDMENT_SHEET_TEMPLATE,
            extra_context={"amendments": list(amendments), "sheet_note": note},
        )


def amendment_sheet_pdf(adaptation, amendments, *, paper: str = "letter") -> bytes:
    return render_pdf(amendment_sheet_html(adaptation, amendments, paper=paper))


def adopted_pdf(adaptation, *, blocks, report, amendments, paper: str = "letter") -> bytes:
    """The adopted text: clean, with the amendments applied, the vote box filled in from the
    report, and an appendix that marks each adopted change against the lines it cited."""
    from .amend import printable

    kwargs = adaptation_kwargs(adaptation, blocks=printable(blocks), report=report, paper=paper)
    return render_document_pdf(
        **kwargs,
        template=ADOPTED_TEMPLATE,
        extra_context={"amendments": list(amendments)},
    )
