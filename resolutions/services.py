"""Writes: saving an adaptation, taking a new model text, amendments, reporting the vote."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date
from typing import Required, TypedDict, Unpack

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.engine import Answers, DocumentError, RenderedBlock, render_text
from documents.lines import number_lines
from unions.models import Local
from unions.permissions import may_act_for_local

from . import amend
from .models import Adaptation, AdoptionReport, Amendment, ResolutionPage
from .printing import adopted_pdf, meeting_date_names

AMENDMENT_TEXT_MAX = 4000


def _require_local(user, local: Local) -> None:
    if not may_act_for_local(user, local):
        raise PermissionDenied(_("You are not a steward or organizer of this local."))


LABEL_MAX = 120


def _label_taken(label: str) -> ValidationError:
    if label:
        message = _(
            "Your local already has a draft of this resolution called “%(label)s”. Open it "
            "from the list to update it, or give this draft another name."
        ) % {"label": label}
    else:
        message = _(
            "Your local already has an unnamed draft of this resolution. Open it from the "
            "list to update it, or name this draft after the meeting or employer it is for."
        )
    return ValidationError({"label": [message]})


def _rendered_fields(resolution: ResolutionPage, answers: Answers) -> dict:
    document = render_text(
        resolution.body, answers, variables=resolution.variables, language=resolution.language
    )
    return {
        "resolution": resolution,
        "revision_id": resolution.live_revision_id or resolution.latest_revision_id,
        "answers": answers.to_dict(),
        "adapted_body": document.to_list(),
    }


def adaptation_save(
    *, user, resolution: ResolutionPage, local: Local, answers: Answers, label: str = ""
) -> Adaptation:
    """A new draft of this resolution for the local, pinned to the live revision.

    Saving never overwrites another draft: a local keeps one adaptation per label (meeting
    or employer), in either language, and changing one is `adaptation_update`. Raises
    PermissionDenied for someone else's local and ValidationError for bad answers or a label
    the local already uses; nothing is written in either case.
    """
    _require_local(user, local)
    label = " ".join(label.split())[:LABEL_MAX]
    fields = _rendered_fields(resolution, answers)
    try:
        with transaction.atomic():
            return Adaptation.objects.create(
                resolution_key=resolution.translation_key,
                local=local,
                label=label,
                created_by=user,
                **fields,
            )
    except IntegrityError:
        raise _label_taken(label) from None


def adaptation_update(
    *, user, adaptation: Adaptation, answers: Answers, label: str | None = None
) -> Adaptation:
    """Change the answers (and the label) of this one draft, which the steward opened."""
    _require_local(user, adaptation.local)
    resolution = ResolutionPage.objects.get(pk=adaptation.resolution_id)
    fields = _rendered_fields(resolution, answers)
    if label is not None:
        fields["label"] = " ".join(label.split())[:LABEL_MAX]
    try:
        with transaction.atomic():
            locked = Adaptation.objects.select_for_update().get(pk=adaptation.pk)
            if not locked.is_open:
                raise ValidationError(_("Your local already reported the vote on this resolution."))
            for name, value in fields.items():
                setattr(locked, name, value)
            locked.save()
    except IntegrityError:
        raise _label_taken(fields.get("label", adaptation.label)) from None
    adaptation.refresh_from_db()
    return adaptation


def adaptation_take_model(*, user, adaptation: Adaptation) -> Adaptation:
    """Re-render an open adaptation from the model's live text, with the same answers."""
    _require_local(user, adaptation.local)
    if not adaptation.is_open:
        raise ValidationError(_("The result was reported; the adopted text can't change."))
    resolution = ResolutionPage.objects.get(pk=adaptation.resolution_id)
    answers = Answers.from_dict(adaptation.answers)
    document = render_text(
        resolution.body, answers, variables=resolution.variables, language=resolution.language
    )
    with transaction.atomic():
        adaptation.adapted_body = document.to_list()
        adaptation.revision_id = resolution.live_revision_id
        adaptation.save(update_fields=["adapted_body", "revision_id", "updated_at"])
    return adaptation


def adaptation_mark_presented(*, user, adaptation: Adaptation) -> Adaptation:
    """The draft was put before the meeting; the vote is still to be reported."""
    _require_local(user, adaptation.local)
    updated = Adaptation.objects.filter(pk=adaptation.pk, status=Adaptation.Status.DRAFT).update(
        status=Adaptation.Status.PRESENTED, updated_at=timezone.now()
    )
    if not updated and adaptation.status != Adaptation.Status.PRESENTED:
        raise ValidationError(_("The result was reported; the adopted text can't change."))
    adaptation.refresh_from_db()
    return adaptation


# -- amendments ---------------------------------------------------------------------------

NAME_MAX = 120


def _clean_name(value: str) -> str:
    return " ".join((value or "").split())[:NAME_MAX]


def _amendment_fields(
    adaptation: Adaptation,
    *,
    kind: str,
    first_line: int,
    last_line: int | None,
    new_text: str,
    moved_by: str,
    seconded_by: str,
    committee_recommendation: str,
) -> dict:
    """The checked fields of an amendment; the cited words and paragraph come from the text
    as printed, never from what was typed, so the sheet shows exactly the meeting's lines."""
    errors: dict[str, list[str]] = {}
    if kind not in Amendment.Kind.values:
        errors["kind"] = [_("Choose what the amendment does.")]
    if committee_recommendation not in Amendment.Recommendation.values:
        errors["committee_recommendation"] = [_("Choose the committee's recommendation.")]
    new_text = (new_text or "").strip()
    if kind == Amendment.Kind.DELETE:
        new_text = ""
    elif kind in Amendment.Kind.values and not new_text:
        errors["new_text"] = [_("Write the words the amendment puts in.")]
    if len(new_text) > AMENDMENT_TEXT_MAX:
        errors["new_text"] = [
            _("An amendment can be at most %(n)d characters.") % {"n": AMENDMENT_TEXT_MAX}
        ]
    if last_line is None or kind == Amendment.Kind.INSERT:
        last_line = first_line
    citation = None
    try:
        citation = amend.cite(number_lines(adaptation.blocks), first_line, last_line, kind)
    except amend.AmendmentError as error:
        errors["first_line"] = [str(error)]
    if errors:
        raise ValidationError(errors)
    return {
        "kind": kind,
        "first_line": first_line,
        "last_line": last_line,
        "paragraph": citation.paragraph,
        "cited_text": citation.text,
        "new_text": new_text,
        "moved_by": _clean_name(moved_by),
        "seconded_by": _clean_name(seconded_by),
        "committee_recommendation": committee_recommendation,
    }


def _renumber(adaptation: Adaptation) -> None:
    """Positions follow the text: amendments are taken in the order of the lines they cite, as
    the amendment sheet lists them. Two passes, so the unique position never collides."""
    rows = list(
        Amendment.objects.filter(adaptation=adaptation).order_by(
            "first_line", "last_line", "created_at", "pk"
        )
    )
    Amendment.objects.filter(adaptation=adaptation).update(position=F("position") + 100_000)
    for n, row in enumerate(rows, start=1):
        Amendment.objects.filter(pk=row.pk).update(position=n)


def _open_for_amendments(adaptation: Adaptation) -> Adaptation:
    locked = Adaptation.objects.select_for_update().get(pk=adaptation.pk)
    if not locked.is_open:
        raise ValidationError(_("The result was reported; the adopted text can't change."))
    return locked


def amendment_create(*, user, adaptation: Adaptation, **fields) -> Amendment:
    """Record a proposed amendment citing the adaptation's printed lines (fields: kind,
    first_line, last_line, new_text, moved_by, seconded_by, committee_recommendation)."""
    _require_local(user, adaptation.local)
    checked = _amendment_fields(adaptation, **fields)
    with transaction.atomic():
        locked = _open_for_amendments(adaptation)
        top = Amendment.objects.filter(adaptation=locked).order_by("-position").first()
        row = Amendment.objects.create(
            adaptation=locked, position=(top.position if top else 0) + 1, **checked
        )
        _renumber(locked)
    row.refresh_from_db()
    return row


def amendment_update(*, user, amendment: Amendment, **fields) -> Amendment:
    """Change a proposed amendment; the cited words are taken again from the lines."""
    adaptation = amendment.adaptation
    _require_local(user, adaptation.local)
    checked = _amendment_fields(adaptation, **fields)
    with transaction.atomic():
        locked = _open_for_amendments(adaptation)
        row = Amendment.objects.select_for_update().get(pk=amendment.pk, adaptation=locked)
        if row.status != Amendment.Status.PROPOSED:
            raise ValidationError(_("Only a proposed amendment can be changed."))
        for name, value in checked.items():
            setattr(row, name, value)
        row.save()
        _renumber(locked)
    row.refresh_from_db()
    return row


def amendment_withdraw(*, user, amendment: Amendment) -> Amendment:
    """The mover withdrew it: it stays on the list, struck, and is never applied."""
    adaptation = amendment.adaptation
    _require_local(user, adaptation.local)
    with transaction.atomic():
        locked = _open_for_amendments(adaptation)
        updated = Amendment.objects.filter(
            pk=amendment.pk, adaptation=locked, status=Amendment.Status.PROPOSED
        ).update(status=Amendment.Status.WITHDRAWN, updated_at=timezone.now())
        if not updated:
            raise ValidationError(_("Only a proposed amendment can be withdrawn."))
    amendment.refresh_from_db()
    return amendment


def reportable_amendments(adaptation: Adaptation) -> list[Amendment]:
    """The amendments a report decides: those still proposed, and those the current report
    decided (a correction may decide them again)."""
    current = adaptation.report
    query = Q(status=Amendment.Status.PROPOSED)
    if current is not None:
        query |= Q(report=current)
    return list(adaptation.amendments.filter(query).order_by("position"))


DECISIONS = (Amendment.Status.ADOPTED, Amendment.Status.REJECTED)
NOT_VOTED = Amendment.Status.PROPOSED


def amended_text(
    adaptation: Adaptation, adopted: list[Amendment], meeting_date: date | None = None
) -> list[RenderedBlock]:
    """The adaptation's text with the adopted amendments applied to the lines they cite.

    Amendments cite the text as printed for the meeting, so they are applied to that text;
    the reported meeting date then replaces the planned one in the paragraphs no amendment
    touched (a paragraph the meeting amended reads as it was amended)."""
    printed = adaptation.blocks
    try:
        blocks = amend.apply_amendments(printed, adopted)
    except amend.AmendmentError as error:
        raise ValidationError(str(error)) from None
    if meeting_date is None:
        return blocks
    dated = {b.key: b for b in adopted_text(adaptation, meeting_date)}
    result = []
    for before, after in zip(printed, blocks, strict=True):
        if after.text == before.text and before.key in dated:
            after = dataclasses.replace(after, text=dated[before.key].text)
        result.append(after)
    return result


def _validated_report(
    *,
    user,
    adaptation: Adaptation,
    outcome: str,
    meeting_date: date,
    body: str,
    visibility: str,
    votes_for: int | None,
    votes_against: int | None,
    abstentions: int | None,
    moved_by: str,
    seconded_by: str,
    decisions: dict[int, str],
) -> tuple[AdoptionReport, dict[Amendment, str]]:
    if outcome not in AdoptionReport.Outcome.values:
        raise ValidationError(_("Choose what the meeting decided."))
    if body not in AdoptionReport.Body.values or visibility not in AdoptionReport.Visibility.values:
        raise ValidationError(_("Choose who voted and who may see this report."))
    if meeting_date > timezone.localdate():
        raise ValidationError(_("The meeting date can't be in the future."))
    decided = _decided(adaptation, outcome, decisions)
    adopted = [a for a, status in decided.items() if status == Amendment.Status.ADOPTED]
    if adopted and outcome == AdoptionReport.Outcome.ADOPTED:
        outcome = AdoptionReport.Outcome.ADOPTED_AS_AMENDED
    if outcome == AdoptionReport.Outcome.ADOPTED_AS_AMENDED and not adopted:
        raise ValidationError(_("Mark the amendments the meeting adopted, or choose “Adopted”."))
    try:
        amend.check_overlaps(adopted)
    except amend.AmendmentError as error:
        raise ValidationError(str(error)) from None
    report = AdoptionReport(
        adaptation=adaptation,
        outcome=outcome,
        meeting_date=meeting_date,
        body=body,
        visibility=visibility,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        moved_by=_clean_name(moved_by),
        seconded_by=_clean_name(seconded_by),
        reported_by=user,
    )
    return report, decided


def _decided(
    adaptation: Adaptation, outcome: str, decisions: dict[int, str]
) -> dict[Amendment, str]:
    """What the meeting did with each amendment before it. Every one is adopted or rejected,
    except when the motion was tabled or referred: then an amendment may stay unvoted."""
    unvoted_allowed = outcome in (AdoptionReport.Outcome.TABLED, AdoptionReport.Outcome.REFERRED)
    decided = {}
    for amendment in reportable_amendments(adaptation):
        status = decisions.get(amendment.pk, NOT_VOTED)
        if status not in (*DECISIONS, NOT_VOTED) or (status == NOT_VOTED and not unvoted_allowed):
            raise ValidationError(
                {
                    f"amendment_{amendment.pk}": [
                        _("Mark amendment %(n)s adopted or rejected.") % {"n": amendment.position}
                    ]
                }
            )
        decided[amendment] = status
    return decided


def _adopted_pdf(
    adaptation: Adaptation, report: AdoptionReport, decided: dict[Amendment, str], paper: str
):
    """The adopted text's PDF, or None when the meeting did not adopt it: the clean amended
    text, the vote box filled from the report, and an appendix marking each adopted change.

    The text is rendered again with the meeting date the report gives, so the paragraph
    that names the meeting and the PDF's header state the same date (the answer typed when
    adapting was the planned date)."""
    adopted = [a for a, status in decided.items() if status == Amendment.Status.ADOPTED]
    blocks = amended_text(adaptation, adopted, report.meeting_date)
    if not report.adopted:
        return None
    return adopted_pdf(adaptation, blocks=blocks, report=report, amendments=adopted, paper=paper)


def adopted_text(adaptation: Adaptation, meeting_date: date) -> list[RenderedBlock]:
    """The adaptation's text with each meeting-date answer set to the reported date."""
    names = meeting_date_names(adaptation.resolution.variables)
    answers = Answers.from_dict(adaptation.answers)
    if not names or all(answers.values.get(n) == meeting_date.isoformat() for n in names):
        return adaptation.blocks
    page = adaptation.revision.as_object() if adaptation.revision_id else adaptation.resolution
    for name in names:
        answers.values[name] = meeting_date.isoformat()
    try:
        document = render_text(
            page.body, answers, variables=page.variables, language=adaptation.resolution.language
        )
    except (ValidationError, DocumentError):
        # The pinned revision no longer renders with these answers: print the text as saved.
        return adaptation.blocks
    return document.blocks


def _store_pdf(target, pdf: bytes | None) -> None:
    """Put the PDF and its digest on an adaptation or report (not saved here)."""
    target.adopted_pdf = pdf
    target.adopted_pdf_sha256 = hashlib.sha256(pdf).hexdigest() if pdf is not None else ""


class ReportFields(TypedDict, total=False):
    """What a steward reports of a meeting (adoption_report_create and _correct)."""

    outcome: Required[str]
    meeting_date: Required[date]
    body: Required[str]
    visibility: Required[str]
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    moved_by: str
    seconded_by: str
    # Amendment pk -> "adopted", "rejected" (or "proposed": not voted, tabled or referred).
    decisions: dict[int, str] | None


def _prepared_report(
    *, user, adaptation: Adaptation, paper: str, fields: ReportFields
) -> tuple[AdoptionReport, dict[Amendment, str], bytes | None]:
    """The checked, unsaved report and its adopted text's PDF. The PDF is rendered before
    any transaction: the database isn't held open while WeasyPrint works."""
    _require_local(user, adaptation.local)
    report, decided = _validated_report(
        user=user,
        adaptation=adaptation,
        outcome=fields["outcome"],
        meeting_date=fields["meeting_date"],
        body=fields["body"],
        visibility=fields["visibility"],
        votes_for=fields.get("votes_for"),
        votes_against=fields.get("votes_against"),
        abstentions=fields.get("abstentions"),
        moved_by=fields.get("moved_by") or "",
        seconded_by=fields.get("seconded_by") or "",
        decisions=fields.get("decisions") or {},
    )
    return report, decided, _adopted_pdf(adaptation, report, decided, paper)


def _record(
    locked: Adaptation,
    report: AdoptionReport,
    pdf: bytes | None,
    decided: dict[Amendment, str],
) -> None:
    """Save the report as the current one, mark each amendment as the meeting decided it,
    and make the adaptation show the report."""
    _store_pdf(report, pdf)
    report.adaptation = locked
    report.save()
    # Only amendments still open to this report are marked: one withdrawn or decided
    # meanwhile, in another tab, is not overwritten.
    current = Q(status=Amendment.Status.PROPOSED) | Q(report__superseded_by=report)
    for amendment, status in decided.items():
        row = Amendment.objects.filter(current, pk=amendment.pk, adaptation=locked)
        marked = row.update(
            status=status,
            report=report if status in DECISIONS else None,
            updated_at=timezone.now(),
        )
        if not marked:
            raise ValidationError(
                _("Amendment %(n)s changed while you reported; check it and report again.")
                % {"n": amendment.position}
            )
    locked.status = report.outcome
    _store_pdf(locked, pdf)
    locked.save()


def adoption_report_create(
    *, user, adaptation: Adaptation, paper: str = "letter", **fields: Unpack[ReportFields]
) -> AdoptionReport:
    """Record the meeting's result. An adopted text's PDF is rendered once, stored, and its
    SHA-256 kept, so the local can later show exactly what was adopted."""
    report, decided, pdf = _prepared_report(
        user=user, adaptation=adaptation, paper=paper, fields=fields
    )
    try:
        with transaction.atomic():
            locked = Adaptation.objects.select_for_update().get(pk=adaptation.pk)
            if not locked.is_open:
                raise ValidationError(_("The result of this resolution was already reported."))
            _record(locked, report, pdf, decided)
            # A text presented again after being tabled: the tabled report leads to this one.
            AdoptionReport.objects.filter(
                adaptation=locked, superseded_at__isnull=False, superseded_by__isnull=True
            ).update(superseded_by=report)
    except IntegrityError:
        raise ValidationError(_("The result of this resolution was already reported.")) from None
    adaptation.refresh_from_db()
    return report


def adoption_report_correct(
    *, user, adaptation: Adaptation, paper: str = "letter", **fields: Unpack[ReportFields]
) -> AdoptionReport:
    """Replace the current report with a corrected one. The old report, and the PDF it
    printed with its SHA-256, stay as history; an adopted text's PDF is printed again."""
    report, decided, pdf = _prepared_report(
        user=user, adaptation=adaptation, paper=paper, fields=fields
    )
    with transaction.atomic():
        locked = Adaptation.objects.select_for_update().get(pk=adaptation.pk)
        current = (
            AdoptionReport.objects.select_for_update()
            .filter(adaptation=locked, superseded_at__isnull=True)
            .first()
        )
        if current is None:
            raise ValidationError(_("There is no report to correct yet."))
        # Superseded first: only one report per adaptation may be current.
        current.superseded_at = timezone.now()
        current.save(update_fields=["superseded_at"])
        # Linked before the amendments are marked: those the old report decided may be
        # decided again by this one.
        report.adaptation = locked
        report.save()
        current.superseded_by = report
        current.save(update_fields=["superseded_by"])
        _record(locked, report, pdf, decided)
    adaptation.refresh_from_db()
    return report


def adaptation_present_again(*, user, adaptation: Adaptation) -> Adaptation:
    """A tabled or referred text goes before a meeting again: it is open to a new report,
    and the report of the meeting that tabled or referred it stays as history."""
    _require_local(user, adaptation.local)
    again = (Adaptation.Status.TABLED, Adaptation.Status.REFERRED)
    with transaction.atomic():
        locked = Adaptation.objects.select_for_update().get(pk=adaptation.pk)
        if locked.status not in again:
            raise ValidationError(_("Only a tabled or referred resolution can be presented again."))
        tabled = AdoptionReport.objects.filter(adaptation=locked, superseded_at__isnull=True)
        # The next meeting votes the motion and its amendments again: what the tabling
        # meeting decided goes back to proposed (its report, kept as history, still says it).
        Amendment.objects.filter(adaptation=locked, report__in=tabled).update(
            status=Amendment.Status.PROPOSED, report=None, updated_at=timezone.now()
        )
        tabled.update(superseded_at=timezone.now())
        locked.status = Adaptation.Status.PRESENTED
        _store_pdf(locked, None)
        locked.save()
    adaptation.refresh_from_db()
    return adaptation
