"""Writes: saving an adaptation, taking a new model text, reporting the vote."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Required, TypedDict, Unpack

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.engine import Answers, DocumentError, RenderedBlock, render_text
from unions.models import Local
from unions.permissions import may_act_for_local

from .models import Adaptation, AdoptionReport, ResolutionPage
from .printing import adaptation_pdf, meeting_date_names

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


@dataclass(frozen=True)
class Amendment:
    block: str  # the key of the adapted block
    action: str  # "replace", "delete" or "insert_after"
    text: str = ""

    ACTIONS = ("replace", "delete", "insert_after")

    def to_dict(self) -> dict:
        return {"block": self.block, "action": self.action, "text": self.text}


def apply_amendments(
    blocks: list[RenderedBlock], amendments: list[Amendment]
) -> list[RenderedBlock]:
    """The text as adopted: amendments applied per block, paragraphs renumbered."""
    keys = {b.key for b in blocks}
    by_block: dict[str, list[Amendment]] = {}
    for amendment in amendments:
        if amendment.block not in keys or amendment.action not in Amendment.ACTIONS:
            raise ValidationError(_("An amendment names a paragraph this text does not have."))
        if amendment.action != "delete" and not amendment.text.strip():
            raise ValidationError(_("Write the amended text, or choose to delete the paragraph."))
        if len(amendment.text) > AMENDMENT_TEXT_MAX:
            raise ValidationError(
                _("An amendment can be at most %(n)d characters.") % {"n": AMENDMENT_TEXT_MAX}
            )
        by_block.setdefault(amendment.block, []).append(amendment)
    result: list[tuple[RenderedBlock, str]] = []
    for block in blocks:
        text = block.text
        keep = True
        inserts = []
        for amendment in by_block.get(block.key, []):
            if amendment.action == "replace":
                text = amendment.text.strip()
            elif amendment.action == "delete":
                keep = False
            else:
                inserts.append(amendment.text.strip())
        if keep:
            result.append((block, text))
        for n, inserted in enumerate(inserts, start=1):
            extra = RenderedBlock(key=f"{block.key}+floor{n}", kind=block.kind, text=inserted)
            result.append((extra, inserted))
    numbered, number = [], 0
    for block, text in result:
        if not block.heading:
            number += 1
        numbered.append(
            RenderedBlock(
                key=block.key,
                kind=block.kind,
                text=text,
                number="" if block.heading else str(number),
                heading=block.heading,
                source=block.source,
            )
        )
    return numbered


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
    amendments: list[Amendment],
) -> tuple[AdoptionReport, list[Amendment]]:
    if outcome not in AdoptionReport.Outcome.values:
        raise ValidationError(_("Choose what the meeting decided."))
    if body not in AdoptionReport.Body.values or visibility not in AdoptionReport.Visibility.values:
        raise ValidationError(_("Choose who voted and who may see this report."))
    if meeting_date > timezone.localdate():
        raise ValidationError(_("The meeting date can't be in the future."))
    if amendments and outcome == AdoptionReport.Outcome.ADOPTED:
        outcome = AdoptionReport.Outcome.ADOPTED_AS_AMENDED
    if outcome == AdoptionReport.Outcome.ADOPTED_AS_AMENDED and not amendments:
        raise ValidationError(_("List the amendments made on the floor, or choose “Adopted”."))
    report = AdoptionReport(
        adaptation=adaptation,
        outcome=outcome,
        meeting_date=meeting_date,
        body=body,
        visibility=visibility,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        floor_amendments=[a.to_dict() for a in amendments],
        reported_by=user,
    )
    return report, amendments


def _adopted_pdf(adaptation: Adaptation, report: AdoptionReport, amendments, paper: str):
    """The adopted text's PDF, or None when the meeting did not adopt it.

    The text is rendered again with the meeting date the report gives, so the paragraph
    that names the meeting and the PDF's header state the same date (the answer typed when
    adapting was the planned date)."""
    if not report.adopted:
        return None
    blocks = apply_amendments(adopted_text(adaptation, report.meeting_date), amendments)
    return adaptation_pdf(adaptation, blocks=blocks, report=report, paper=paper)


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
    amendments: list[Amendment] | None


def _prepared_report(
    *, user, adaptation: Adaptation, paper: str, fields: ReportFields
) -> tuple[AdoptionReport, bytes | None]:
    """The checked, unsaved report and its adopted text's PDF. The PDF is rendered before
    any transaction: the database isn't held open while WeasyPrint works."""
    _require_local(user, adaptation.local)
    report, amendments = _validated_report(
        user=user,
        adaptation=adaptation,
        outcome=fields["outcome"],
        meeting_date=fields["meeting_date"],
        body=fields["body"],
        visibility=fields["visibility"],
        votes_for=fields.get("votes_for"),
        votes_against=fields.get("votes_against"),
        abstentions=fields.get("abstentions"),
        amendments=fields.get("amendments") or [],
    )
    return report, _adopted_pdf(adaptation, report, amendments, paper)


def _record(locked: Adaptation, report: AdoptionReport, pdf: bytes | None) -> None:
    """Save the report as the current one and make the adaptation show it."""
    _store_pdf(report, pdf)
    report.adaptation = locked
    report.save()
    locked.status = report.outcome
    locked.floor_amendments = report.floor_amendments
    _store_pdf(locked, pdf)
    locked.save()


def adoption_report_create(
    *, user, adaptation: Adaptation, paper: str = "letter", **fields: Unpack[ReportFields]
) -> AdoptionReport:
    """Record the meeting's result. An adopted text's PDF is rendered once, stored, and its
    SHA-256 kept, so the local can later show exactly what was adopted."""
    report, pdf = _prepared_report(user=user, adaptation=adaptation, paper=paper, fields=fields)
    try:
        with transaction.atomic():
            locked = Adaptation.objects.select_for_update().get(pk=adaptation.pk)
            if not locked.is_open:
                raise ValidationError(_("The result of this resolution was already reported."))
            _record(locked, report, pdf)
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
    report, pdf = _prepared_report(user=user, adaptation=adaptation, paper=paper, fields=fields)
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
        _record(locked, report, pdf)
        current.superseded_by = report
        current.save(update_fields=["superseded_by"])
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
        AdoptionReport.objects.filter(adaptation=locked, superseded_at__isnull=True).update(
            superseded_at=timezone.now()
        )
        locked.status = Adaptation.Status.PRESENTED
        locked.floor_amendments = []
        _store_pdf(locked, None)
        locked.save()
    adaptation.refresh_from_db()
    return adaptation
