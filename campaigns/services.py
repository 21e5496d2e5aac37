"""Writes for days of action: endorsing, confirming, moderating, importing, reminding."""

import dataclasses
import logging
import time
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from core.email import email_render_and_queue, normalize_email
from unions import selectors as unions

from . import links, selectors
from .identity import clean_region, clean_text, identify
from .models import DayOfActionPage, Endorsement, PledgeLevel

logger = logging.getLogger(__name__)

# Changing these on an approved endorsement sends it back to review: they are what the
# public wall shows. The pledge and the private contact can change without review.
REVIEWED_FIELDS = (
    "organisation_name",
    "organisation_type",
    "affiliation_name",
    "local_number",
    "city",
    "region",
    "members_represented",
    "statement",
)


class EndorsementError(Exception):
    """A write that can't be done; the message is for the person who asked."""


@dataclass(frozen=True)
class EndorsementData:
    organisation_name: str
    organisation_type: str
    city: str
    region: str
    pledge_level: str
    affiliation_name: str = ""
    local_number: str = ""
    members_represented: int | None = None
    statement: str = ""
    contact_name: str = ""
    contact_title: str = ""
    contact_email: str = ""
    # "The local may contact me about this campaign": only then do the contact's name and
    # email leave Union Hall (exports, the API).
    contact_consent: bool = False

    def cleaned(self) -> "EndorsementData":
        return dataclasses.replace(
            self,
            organisation_name=clean_text(self.organisation_name),
            affiliation_name=clean_text(self.affiliation_name),
            local_number=clean_text(self.local_number),
            city=clean_text(self.city),
            region=clean_region(self.region),
            statement=(self.statement or "").strip(),
            contact_name=clean_text(self.contact_name),
            contact_title=clean_text(self.contact_title),
            contact_email=normalize_email(self.contact_email) if self.contact_email else "",
        )

    def as_json(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, value: dict) -> "EndorsementData":
        """Proposed changes kept on an endorsement; unknown keys (an older shape) are ignored."""
        names = {field.name for field in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in (value or {}).items() if k in names})


@dataclass(frozen=True)
class SubmitResult:
    endorsement: Endorsement
    # "created": a new endorsement; "replaced": an unconfirmed one was overwritten;
    # "update_sent": the organisation's confirmed contact was asked to accept the changes.
    outcome: str


def _apply(endorsement: Endorsement, data: EndorsementData, affiliations=None) -> None:
    # The contact's link is the key to the endorsement: it never follows the endorsement
    # to another address. Whoever changes the contact (an accepted proposal, an import),
    # the new address gets a new link and the old one stops working.
    if endorsement.pk and data.contact_email != endorsement.contact_email:
        endorsement.new_link_secret()
    identity = identify(
        organisation_name=data.organisation_name,
        affiliation_name=data.affiliation_name,
        local_number=data.local_number,
        city=data.city,
        affiliations=affiliations,
    )
    endorsement.identity_key = identity.key
    endorsement.local = identity.local
    endorsement.affiliation = identity.affiliation
    for field in dataclasses.fields(data):
        setattr(endorsement, field.name, getattr(data, field.name))
    if identity.local is not None:
        # A known local is counted under its own city and region, whatever was typed.
        endorsement.local_number = identity.local.number
        endorsement.city = endorsement.city or identity.local.city
        endorsement.region = identity.local.region
    if identity.affiliation is not None:
        endorsement.affiliation_name = identity.affiliation.name
    if not endorsement.contact_consent:
        endorsement.contact_consent_at = None
    elif endorsement.contact_consent_at is None:
        endorsement.contact_consent_at = timezone.now()


def tally_invalidate(*, day_id: int) -> None:
    """Drop the cached tally and move the day's version on, so cached wall fragments
    (keyed by the version) are not served after a change."""
    cache.delete(selectors.tally_key(day_id))
    cache.set(selectors.version_key(day_id), str(time.time_ns()), None)


def _invalidate(day_id: int) -> None:
    transaction.on_commit(lambda: tally_invalidate(day_id=day_id))


def _email(endorsement: Endorsement, template: str, **extra) -> None:
    if not endorsement.contact_email:
        return
    language = endorsement.language if endorsement.language in ("en", "es") else "en"
    day = endorsement.day
    page = day.localized_for(language)
    with translation.override(language):
        context = {
            "organisation_name": endorsement.organisation_name,
            "contact_name": endorsement.contact_name,
            "day_title": page.title,
            "day_date": formats.date_format(day.date, "DATE_FORMAT"),
            "pledge": str(PledgeLevel(endorsement.pledge_level).label),
            "link": links.endorsement_link(endorsement),
            "day_link": links.day_url(day, language=language),
            **{k: v for k, v in extra.items()},
        }
    email_render_and_queue(
        to=endorsement.contact_email, template=template, context=context, language=language
    )


def endorsement_submit(
    *, day: DayOfActionPage, data: EndorsementData, language: str
) -> SubmitResult:
    """Record an endorsement, or route a second one from the same organisation to its contact.

    The partial unique constraint decides who was first: we insert, and only when the
    database refuses do we look at the endorsement that is already there. Checking first
    would let two simultaneous submissions both pass the check.
    """
    day = day.source_day
    data = data.cleaned()
    for _attempt in range(3):
        endorsement = Endorsement(day=day, language=language, source=Endorsement.Source.FORM)
        _apply(endorsement, data)
        endorsement.new_link_secret()
        try:
            with transaction.atomic():
                endorsement.save()
                _email(endorsement, "campaigns_confirm")
            return SubmitResult(endorsement=endorsement, outcome="created")
        except IntegrityError:
            pass
        with transaction.atomic():
            existing = (
                Endorsement.objects.select_for_update()
                .filter(day=day, identity_key=endorsement.identity_key)
                .live()
                .select_related("day")
                .first()
            )
            if existing is None:
                continue  # withdrawn in between: try the insert again
            if existing.status == Endorsement.Status.PENDING_CONFIRMATION:
                # Nobody has vouched for an unconfirmed endorsement yet, so the newest
                # submission replaces it and only the newest link works.
                _apply(existing, data)
                existing.language = language
                existing.new_link_secret()
                existing.save()
                _email(existing, "campaigns_confirm")
                return SubmitResult(endorsement=existing, outcome="replaced")
            with translation.override(existing.language or "en"):
                lines = changes_described(existing, data)
            if not lines:
                # The same endorsement again: nothing to ask anyone.
                return SubmitResult(endorsement=existing, outcome="update_sent")
            existing.pending_update = data.as_json()
            existing.save(update_fields=["pending_update", "updated_at"])
            _email(
                existing,
                "campaigns_update_requested",
                changes="\n".join(lines),
                new_contact=contact_change(existing, data),
            )
            return SubmitResult(endorsement=existing, outcome="update_sent")
    raise EndorsementError("The endorsement could not be saved; please try again.")


def contact_change(endorsement: Endorsement, data: EndorsementData) -> str:
    """The new contact address a proposal would bring in, or "" when the contact stays."""
    new = data.contact_email
    return new if new and new != endorsement.contact_email else ""


def changes_described(endorsement: Endorsement, data: EndorsementData) -> list[str]:
    """'Pledge level: Endorse → Job action' lines, for the contact who decides on them.

    Every field is listed, the contact's own address included: a proposal to hand the
    endorsement to another address is the one change its contact most needs to see.
    """
    lines = []
    for field in dataclasses.fields(data):
        old, new = getattr(endorsement, field.name), getattr(data, field.name)
        if field.name == "contact_email" and not new:
            continue  # a proposal without an address keeps the contact's
        if (old or "") != (new or ""):
            model_field = Endorsement._meta.get_field(field.name)
            label = model_field.verbose_name
            if isinstance(old, bool) or isinstance(new, bool):
                old, new = (_("yes") if v else _("no") for v in (old, new))
            elif model_field.choices:
                names = dict(model_field.flatchoices)
                old, new = names.get(old, old), names.get(new, new)
            lines.append(f"{str(label).capitalize()}: {old or '—'} → {new or '—'}")
    return lines


def endorsement_confirm(*, endorsement: Endorsement) -> Endorsement:
    with transaction.atomic():
        endorsement = (
            Endorsement.objects.select_for_update().select_related("day").get(pk=endorsement.pk)
        )
        if endorsement.status == Endorsement.Status.PENDING_CONFIRMATION:
            endorsement.status = Endorsement.Status.PENDING_REVIEW
            endorsement.confirmed_at = timezone.now()
            endorsement.save(update_fields=["status", "confirmed_at", "updated_at"])
            _invalidate(endorsement.day_id)
    return endorsement


def endorsement_withdraw(*, endorsement: Endorsement) -> Endorsement:
    with transaction.atomic():
        endorsement = (
            Endorsement.objects.select_for_update().select_related("day").get(pk=endorsement.pk)
        )
        if endorsement.is_live:
            endorsement.status = Endorsement.Status.WITHDRAWN
            endorsement.withdrawn_at = timezone.now()
            endorsement.pending_update = None
            # Withdrawing asks to be left alone: the consent to be contacted goes too.
            endorsement.contact_consent = False
            endorsement.contact_consent_at = None
            endorsement.save(
                update_fields=[
                    "status",
                    "withdrawn_at",
                    "pending_update",
                    "contact_consent",
                    "contact_consent_at",
                    "updated_at",
                ]
            )
            _invalidate(endorsement.day_id)
    return endorsement


def endorsement_raise_pledge(*, endorsement: Endorsement, pledge_level: str) -> Endorsement:
    with transaction.atomic():
        endorsement = (
            Endorsement.objects.select_for_update().select_related("day").get(pk=endorsement.pk)
        )
        if not endorsement.is_live:
            raise EndorsementError("This endorsement was withdrawn or rejected.")
        offered = dict(endorsement.higher_pledges())
        if pledge_level not in offered:
            raise EndorsementError("Choose a higher pledge than the current one.")
        endorsement.pledge_level = pledge_level
        endorsement.save(update_fields=["pledge_level", "updated_at"])
        _invalidate(endorsement.day_id)
    return endorsement


def endorsement_apply_update(*, endorsement: Endorsement) -> Endorsement:
    """The confirmed contact accepts the changes a second submission proposed.

    When the changes hand the endorsement to another address, the new contact gets a new
    link (the accepting contact's link stops working) and must confirm their address, so
    the endorsement waits for confirmation, then for review, as a new one does.
    """
    with transaction.atomic():
        endorsement = (
            Endorsement.objects.select_for_update().select_related("day").get(pk=endorsement.pk)
        )
        if not endorsement.is_live or not endorsement.pending_update:
            return endorsement
        data = EndorsementData.from_json(endorsement.pending_update)
        new_contact = contact_change(endorsement, data)
        if not data.contact_email:
            data = dataclasses.replace(
                data,
                contact_email=endorsement.contact_email,
                contact_name=data.contact_name or endorsement.contact_name,
            )
        before = {name: getattr(endorsement, name) for name in REVIEWED_FIELDS}
        old_key = endorsement.identity_key
        _apply(endorsement, data)
        # The identity can't move to another organisation through an update.
        endorsement.identity_key = old_key
        endorsement.pending_update = None
        changed = any(getattr(endorsement, n) != v for n, v in before.items())
        if new_contact:
            endorsement.status = Endorsement.Status.PENDING_CONFIRMATION
            endorsement.confirmed_at = endorsement.approved_at = None
        elif changed and endorsement.status == Endorsement.Status.APPROVED:
            endorsement.status = Endorsement.Status.PENDING_REVIEW
            endorsement.approved_at = None
        endorsement.save()
        if new_contact:
            _email(endorsement, "campaigns_confirm")
        _invalidate(endorsement.day_id)
    return endorsement


def endorsement_discard_update(*, endorsement: Endorsement) -> Endorsement:
    Endorsement.objects.filter(pk=endorsement.pk).update(pending_update=None)
    endorsement.pending_update = None
    return endorsement


def endorsements_approve(*, day: DayOfActionPage, ids: list[int], reviewer) -> int:
    """Approve endorsements waiting for review; each contact is told, with their link."""
    now = timezone.now()
    done = 0
    with transaction.atomic():
        rows = (
            Endorsement.objects.select_for_update()
            .select_related("day")
            .filter(day=day.source_day, pk__in=ids, status=Endorsement.Status.PENDING_REVIEW)
        )
        for endorsement in rows:
            endorsement.status = Endorsement.Status.APPROVED
            endorsement.reviewed_at = endorsement.approved_at = now
            endorsement.reviewed_by = reviewer
            endorsement.rejection_reason = ""
            endorsement.save()
            _email(endorsement, "campaigns_approved")
            done += 1
        _invalidate(day.source_day.pk)
    return done


def endorsements_reject(*, day: DayOfActionPage, ids: list[int], reviewer, reason: str) -> int:
    """Reject endorsements (waiting or already approved); the reason is emailed."""
    reason = (reason or "").strip()
    if not reason:
        raise EndorsementError("Give a reason: it is sent to the organisation's contact.")
    now = timezone.now()
    done = 0
    with transaction.atomic():
        rows = (
            Endorsement.objects.select_for_update()
            .select_related("day")
            .filter(
                day=day.source_day,
                pk__in=ids,
                status__in=[Endorsement.Status.PENDING_REVIEW, Endorsement.Status.APPROVED],
            )
        )
        for endorsement in rows:
            endorsement.status = Endorsement.Status.REJECTED
            endorsement.reviewed_at = now
            endorsement.reviewed_by = reviewer
            endorsement.approved_at = None
            endorsement.rejection_reason = reason[:1000]
            endorsement.pending_update = None
            endorsement.save()
            _email(endorsement, "campaigns_rejected", reason=endorsement.rejection_reason)
            done += 1
        _invalidate(day.source_day.pk)
    return done


# A row's status "keep": a matching endorsement keeps the status it has; a new one waits
# for review (imports.STATUS_MEANING says which sheet statuses mean this).
IMPORT_KEEP_STATUS = "keep"
# What an import may change on an existing endorsement: when none of these differ, the
# row is left alone (re-importing an export changes nothing, not even who reviewed it).
IMPORTED_FIELDS = tuple(f.name for f in dataclasses.fields(EndorsementData)) + (
    "identity_key",
    "local_id",
    "affiliation_id",
    "status",
)


def endorsements_import(
    *, day: DayOfActionPage, rows: list[tuple[EndorsementData, str]], reviewer
) -> dict:
    """Import an organizer's spreadsheet in one transaction: all rows or none.

    Each row is (data, status). A row matching a live endorsement of the same
    organisation updates it, unless nothing differs; the rest are created, already
    confirmed by the organizer.
    """
    day = day.source_day
    now = timezone.now()
    created = updated = unchanged = 0
    affiliations = unions.affiliations()
    with transaction.atomic():
        for data, status in rows:
            data = data.cleaned()
            endorsement = Endorsement(
                day=day, source=Endorsement.Source.IMPORT, language="en", confirmed_at=now
            )
            _apply(endorsement, data, affiliations)
            existing = (
                Endorsement.objects.select_for_update()
                .filter(day=day, identity_key=endorsement.identity_key)
                .live()
                .first()
            )
            if existing is not None:
                before = {name: getattr(existing, name) for name in IMPORTED_FIELDS}
                _apply(existing, data, affiliations)
                endorsement = existing
                if status == IMPORT_KEEP_STATUS:
                    status = existing.status
                endorsement.status = status
                if all(getattr(existing, n) == v for n, v in before.items()):
                    unchanged += 1
                    continue
                updated += 1
            else:
                endorsement.new_link_secret()
                if status == IMPORT_KEEP_STATUS:
                    status = Endorsement.Status.PENDING_REVIEW
                created += 1
            endorsement.status = status
            if status != Endorsement.Status.PENDING_CONFIRMATION:
                endorsement.confirmed_at = endorsement.confirmed_at or now
            endorsement.reviewed_by = reviewer
            endorsement.reviewed_at = now
            endorsement.approved_at = (
                (endorsement.approved_at or now) if status == Endorsement.Status.APPROVED else None
            )
            endorsement.save()
        _invalidate(day.pk)
    return {"created": created, "updated": updated, "unchanged": unchanged}


def reminders_send(*, today: date | None = None) -> int:
    """Remind approved endorsers of days coming up; each endorsement is reminded once."""
    today = today or timezone.localdate()
    sent = 0
    days = DayOfActionPage.objects.live().filter(reminders_enabled=True, date__gte=today)
    for day in days:
        if day.source_day.pk != day.pk:
            continue  # endorsements belong to the page in the default language
        if (day.date - today).days > day.reminder_days_before:
            continue
        ids = list(
            Endorsement.objects.approved()
            .filter(day=day, reminder_sent_at__isnull=True)
            .values_list("pk", flat=True)
        )
        for pk in ids:
            with transaction.atomic():
                # Claiming the row with a conditional UPDATE makes a second run a no-op.
                claimed = Endorsement.objects.filter(
                    pk=pk, reminder_sent_at__isnull=True, status=Endorsement.Status.APPROVED
                ).update(reminder_sent_at=timezone.now())
                if claimed:
                    endorsement = Endorsement.objects.select_related("day").get(pk=pk)
                    _email(
                        endorsement,
                        "campaigns_reminder",
                        days_left=(day.date - today).days,
                    )
                    sent += 1
    return sent
