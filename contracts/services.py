"""Writes for bargaining proposals. Every function checks that the person may act for the
proposal's local, validates, and writes inside a transaction, so bad input saves nothing."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.engine import Answers
from unions.models import Local, Workplace
from unions.permissions import may_act_for_local

from .assembly import render_articles
from .models import BargainingProposal, ContractClausePage, ProposalClause

TITLE_MAX = 200
EMPLOYER_MAX = 200
CLAUSES_MAX = 60


def _authorize(user, local: Local | int) -> None:
    if not may_act_for_local(user, local):
        raise PermissionDenied(_("Only the local's stewards and organizers can do this."))


def _require_open(proposal: BargainingProposal) -> None:
    if not proposal.is_open:
        raise ValidationError(
            _("This proposal is %(status)s; its clauses and answers can't change any more.")
            % {"status": proposal.get_status_display().lower()},
            code="closed",
        )


def proposal_create(
    *,
    user,
    local: Local,
    title: str,
    language: str,
    workplace: Workplace | None = None,
    employer: str = "",
) -> BargainingProposal:
    _authorize(user, local)
    if workplace is not None and workplace.local_id != local.pk:
        raise ValidationError(
            {"workplace": _("That workplace is not one of this local's.")}, code="workplace"
        )
    employer = (employer or "").strip() or (workplace.employer if workplace else "")
    if not employer:
        raise ValidationError({"employer": _("Name the employer.")}, code="required")
    if len(employer) > EMPLOYER_MAX:
        raise ValidationError({"employer": _("Keep the employer's name shorter.")})
    title = (title or "").strip() or _("Proposal to %(employer)s") % {"employer": employer}
    if len(title) > TITLE_MAX:
        raise ValidationError({"title": _("Keep the title shorter.")})
    if language not in ("en", "es"):
        raise ValidationError({"language": _("Choose English or Spanish.")})
    with transaction.atomic():
        return BargainingProposal.objects.create(
            local=local,
            workplace=workplace,
            employer=employer[:EMPLOYER_MAX],
            title=title[:TITLE_MAX],
            language=language,
            drafted_on=timezone.localdate(),
            created_by=user,
        )


def clause_in_language(clause: ContractClausePage, language: str) -> ContractClausePage:
    """The live version of this clause in the proposal's language."""
    if clause.locale.language_code == language:
        return clause
    translated = (
        ContractClausePage.objects.live()
        .filter(translation_key=clause.translation_key, locale__language_code=language)
        .first()
    )
    if translated is None:
        raise ValidationError(
            _("“%(title)s” has no version in this proposal's language yet.")
            % {"title": clause.title},
            code="no_translation",
        )
    return translated


def proposal_clause_add(
    *, user, proposal: BargainingProposal, clause: ContractClausePage
) -> ProposalClause:
    _authorize(user, proposal.local_id)
    _require_open(proposal)
    if not clause.live:
        raise ValidationError(_("That clause is not published."), code="not_live")
    clause = clause_in_language(clause, proposal.language)
    try:
        with transaction.atomic():
            # Lock the proposal so two quick adds get different article numbers.
            locked = BargainingProposal.objects.select_for_update().get(pk=proposal.pk)
            count = locked.items.count()
            if count >= CLAUSES_MAX:
                raise ValidationError(
                    _("A proposal holds at most %(max)d clauses.") % {"max": CLAUSES_MAX},
                    code="too_many",
                )
            last = locked.items.aggregate(last=Max("position"))["last"] or 0
            item = ProposalClause.objects.create(
                proposal=locked,
                clause=clause,
                clause_key=clause.translation_key,
                position=last + 1,
            )
            BargainingProposal.objects.filter(pk=locked.pk).update(updated_at=timezone.now())
            return item
    except IntegrityError:
        raise ValidationError(
            _("“%(title)s” is already in this proposal.") % {"title": clause.title},
            code="duplicate",
        ) from None


def _item(proposal: BargainingProposal, item_id) -> ProposalClause:
    try:
        return proposal.items.get(pk=int(item_id))
    except (TypeError, ValueError, ProposalClause.DoesNotExist):
        raise ValidationError(_("That clause is not in this proposal."), code="unknown") from None


def proposal_clause_remove(*, user, proposal: BargainingProposal, item_id) -> None:
    _authorize(user, proposal.local_id)
    _require_open(proposal)
    with transaction.atomic():
        item = _item(proposal, item_id)
        position = item.position
        item.delete()
        proposal.items.filter(position__gt=position).update(position=F("position") - 1)


def proposal_clause_move(*, user, proposal: BargainingProposal, item_id, offset: int) -> None:
    """Move an article up (offset -1) or down (+1) by swapping it with its neighbour."""
    _authorize(user, proposal.local_id)
    _require_open(proposal)
    if offset not in (-1, 1):
        raise ValidationError(_("Move a clause one place up or down."), code="offset")
    with transaction.atomic():
        BargainingProposal.objects.select_for_update().get(pk=proposal.pk)
        items = list(proposal.items.order_by("position", "id"))
        ids = [item.pk for item in items]
        item = _item(proposal, item_id)
        index = ids.index(item.pk)
        target = index + offset
        if not 0 <= target < len(items):
            return
        items[index], items[target] = items[target], items[index]
        # Renumber 1..n: positions stay dense even if earlier writes left gaps.
        for position, each in enumerate(items, start=1):
            if each.position != position:
                ProposalClause.objects.filter(pk=each.pk).update(position=position)


def proposal_answers_save(
    *, user, proposal: BargainingProposal, answers: Answers
) -> BargainingProposal:
    """Keep the answers if every clause can be filled with them; otherwise raise the
    engine's errors and keep the old answers."""
    _authorize(user, proposal.local_id)
    _require_open(proposal)
    clauses = [item.clause for item in proposal.items.select_related("clause")]
    render_articles(clauses, answers, language=proposal.language)
    with transaction.atomic():
        proposal.answers = answers.to_dict()
        proposal.save(update_fields=["answers", "updated_at"])
    return proposal


STATUS_ORDER = [
    BargainingProposal.Status.PROPOSED,
    BargainingProposal.Status.TENTATIVE_AGREEMENT,
    BargainingProposal.Status.RATIFIED,
]


def proposal_status_set(
    *, user, proposal: BargainingProposal, status: str, on: date
) -> BargainingProposal:
    """Record that bargaining reached `status` on a date. Going back (a tentative agreement
    voted down, say) clears the dates of the later steps, so the timeline stays true."""
    _authorize(user, proposal.local_id)
    Status = BargainingProposal.Status
    if status not in BargainingProposal.STATUS_DATES:
        raise ValidationError({"status": _("Choose one of the listed statuses.")})
    if on > timezone.localdate():
        raise ValidationError({"on": _("The date can't be in the future.")})
    if on < proposal.drafted_on:
        raise ValidationError({"on": _("The date can't be before the proposal was drafted.")})
    if not proposal.items.exists():
        raise ValidationError(_("Add at least one clause first."), code="empty")
    with transaction.atomic():
        locked = BargainingProposal.objects.select_for_update().get(pk=proposal.pk)
        setattr(locked, BargainingProposal.STATUS_DATES[status], on)
        if status != Status.DROPPED:
            locked.dropped_on = None
            for later in STATUS_ORDER[STATUS_ORDER.index(status) + 1 :]:
                setattr(locked, BargainingProposal.STATUS_DATES[later], None)
        locked.status = status
        locked.save()
    return locked
