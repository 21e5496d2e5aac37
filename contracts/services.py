"""Writes for bargaining proposals. Every function checks that the person may act for the
proposal's local, validates, and writes inside a transaction, so bad input saves nothing."""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.engine import Answers
from unions.models import Local, Workplace
from unions.permissions import may_act_for_local

from .assembly import article_text, render_articles
from .models import ArticleVersion, BargainingProposal, ContractClausePage, ProposalClause

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
        if item.versions.exists():
            # Its history at the table is the record of what each side put in writing.
            raise ValidationError(
                _("This article has been bargained at the table; it can't be removed."),
                code="bargained",
            )
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
    if status == Status.TENTATIVE_AGREEMENT and proposal.items.filter(versions__isnull=False):
        # Once the table tracks articles, the proposal is agreed when every article is.
        missing = articles_not_agreed(proposal)
        if missing:
            raise ValidationError(
                _("Not every article is tentatively agreed yet (articles %(list)s).")
                % {"list": ", ".join(str(n) for n in missing)},
                code="not_agreed",
            )
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


# -- the bargaining table ------------------------------------------------------------------
#
# Each article's history is a sequence of versions: the union's proposal, then the sides
# alternate (employer counter, union counter, ...) until a tentative agreement (TA). Either
# side may agree to the last text on the table, so a TA may follow any version but another
# TA. A TA freezes the text: nothing may follow it except reopening, which is a new union
# proposal (the union takes the article back to the table) and ends the TA; a proposal that
# was marked TA goes back to proposed. The union's first version is recorded the first time
# the article is answered or agreed, as the article reads then (the answers filled in).

Kind = ArticleVersion.Kind
UNION_SIDE = (Kind.UNION_PROPOSAL, Kind.UNION_COUNTER)
# What may follow each kind of version (None: the article has no version yet).
FOLLOWS = {
    None: (Kind.EMPLOYER_COUNTER, Kind.TENTATIVE_AGREEMENT),
    Kind.UNION_PROPOSAL: (Kind.EMPLOYER_COUNTER, Kind.TENTATIVE_AGREEMENT),
    Kind.UNION_COUNTER: (Kind.EMPLOYER_COUNTER, Kind.TENTATIVE_AGREEMENT),
    Kind.EMPLOYER_COUNTER: (Kind.UNION_COUNTER, Kind.TENTATIVE_AGREEMENT),
    Kind.TENTATIVE_AGREEMENT: (Kind.UNION_PROPOSAL,),
}
TEXT_MAX = 20000
INITIALS_MAX = 12
INITIALS_RE = re.compile(r"^[^\W\d_][\w.\- ]*$", re.UNICODE)


def article_assembled_text(article: ProposalClause) -> str:
    proposal = article.proposal
    return article_text(
        article.clause, Answers.from_dict(proposal.answers), language=proposal.language
    )


def _clean_text(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError({"text": _("Type the article's text as it was put on the table.")})
    if len(text) > TEXT_MAX:
        raise ValidationError(
            {"text": _("Keep the text under %(max)d characters.") % {"max": TEXT_MAX}}
        )
    return text


def _clean_initials(value: str, field: str) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise ValidationError({field: _("Type the initials as they were written on the TA.")})
    if len(value) > INITIALS_MAX or not INITIALS_RE.match(value):
        raise ValidationError(
            {field: _("Initials are a few letters, such as “M.R.” or “JT”.")}, code="initials"
        )
    return value


def _add_version(
    *,
    user,
    article: ProposalClause,
    kind: str,
    text: str | None,
    on: date,
    date_field: str,
    **extra,
) -> ArticleVersion:
    proposal = article.proposal
    _authorize(user, proposal.local_id)
    reopening = kind == Kind.UNION_PROPOSAL
    allowed_status = [BargainingProposal.Status.PROPOSED]
    if reopening:
        allowed_status.append(BargainingProposal.Status.TENTATIVE_AGREEMENT)
    if proposal.status not in allowed_status:
        raise ValidationError(
            _("This proposal is %(status)s: record it as proposed before bargaining its articles.")
            % {"status": proposal.get_status_display().lower()},
            code="status",
        )
    if on is None:
        raise ValidationError({date_field: _("Enter the date.")})
    if on > timezone.localdate():
        raise ValidationError({date_field: _("The date can't be in the future.")})
    with transaction.atomic():
        # Lock the article: two stewards entering at once get one order, not two "5th"s.
        locked = ProposalClause.objects.select_for_update().get(pk=article.pk)
        versions = list(locked.versions.order_by("position"))
        last = versions[-1] if versions else None
        if kind not in FOLLOWS[last.kind if last else None]:
            if last is not None and last.is_ta:
                message = _(
                    "This article is tentatively agreed: its text is frozen. Reopen it with a "
                    "new union proposal to bargain it again."
                )
            elif kind == Kind.UNION_PROPOSAL:
                message = _("Only a tentatively agreed article can be reopened.")
            elif kind == Kind.EMPLOYER_COUNTER:
                message = _("The employer's counter is already the last word: answer it first.")
            else:
                message = _("The union's text is already the last word: wait for the employer.")
            raise ValidationError(message, code="sequence")
        if last is None:
            # The union's proposal, as the article reads now, is the first version.
            try:
                first_text = article_assembled_text(locked)
            except ValidationError:
                raise ValidationError(
                    _("Answer every blank first: the filled article is the union's proposal."),
                    code="unanswered",
                ) from None
            last = ArticleVersion.objects.create(
                article=locked,
                kind=Kind.UNION_PROPOSAL,
                position=1,
                text=first_text,
                exchanged_on=proposal.proposed_on or proposal.drafted_on,
                entered_by=user,
            )
        if on < last.exchanged_on:
            raise ValidationError(
                {
                    date_field: _("The date can't be before the last version (%(date)s).")
                    % {"date": last.exchanged_on.isoformat()}
                }
            )
        version = ArticleVersion.objects.create(
            article=locked,
            kind=kind,
            position=last.position + 1,
            # A TA agrees to the text on the table: it is copied, never typed.
            text=last.text if text is None else text,
            exchanged_on=on,
            entered_by=user,
            **extra,
        )
        if reopening and proposal.status == BargainingProposal.Status.TENTATIVE_AGREEMENT:
            BargainingProposal.objects.filter(pk=proposal.pk).update(
                status=BargainingProposal.Status.PROPOSED,
                tentative_agreement_on=None,
                updated_at=timezone.now(),
            )
        else:
            BargainingProposal.objects.filter(pk=proposal.pk).update(updated_at=timezone.now())
        return version


def article_counter_add(
    *, user, article: ProposalClause, side: str, text: str, exchanged_on: date
) -> ArticleVersion:
    """A counter-proposal put on the table: the employer's (typed by the steward from their
    paper) or the union's answer to it."""
    if side not in ("employer", "union"):
        raise ValidationError(_("Choose whose counter-proposal this is."), code="side")
    kind = Kind.EMPLOYER_COUNTER if side == "employer" else Kind.UNION_COUNTER
    return _add_version(
        user=user,
        article=article,
        kind=kind,
        text=_clean_text(text),
        on=exchanged_on,
        date_field="exchanged_on",
    )


def article_ta_record(
    *, user, article: ProposalClause, ta_on: date, union_initials: str, employer_initials: str
) -> ArticleVersion:
    """Both sides initialled the last text on the table: it is tentatively agreed."""
    union_initials = _clean_initials(union_initials, "union_initials")
    employer_initials = _clean_initials(employer_initials, "employer_initials")
    return _add_version(
        user=user,
        article=article,
        kind=Kind.TENTATIVE_AGREEMENT,
        text=None,
        on=ta_on,
        date_field="ta_on",
        ta_on=ta_on,
        union_initials=union_initials,
        employer_initials=employer_initials,
    )


def article_reopen(
    *, user, article: ProposalClause, text: str, exchanged_on: date
) -> ArticleVersion:
    """Take a tentatively agreed article back to the table with a new union proposal."""
    return _add_version(
        user=user,
        article=article,
        kind=Kind.UNION_PROPOSAL,
        text=_clean_text(text),
        on=exchanged_on,
        date_field="exchanged_on",
    )


def articles_not_agreed(proposal: BargainingProposal) -> list[int]:
    """Positions of the articles whose last version is not a TA."""
    missing = []
    for item in proposal.items.prefetch_related("versions").order_by("position", "id"):
        if item.state != ArticleVersion.SIDE_TA:
            missing.append(item.position)
    return missing
