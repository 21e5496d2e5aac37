"""Writes for petitions: signing, confirming, withdrawing, paper batches, counts,
expiry, retention and delivery PDFs."""

import datetime
import logging
import time
from contextlib import nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Count, Min, Q
from django.utils import timezone, translation
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale

from core.email import email_render, normalize_email
from core.tokens import make_token

from . import selectors
from .models import DeliveryPdf, PaperSheet, PetitionCount, PetitionPage, Signature
from .tokens import CONFIRM, WITHDRAW

if TYPE_CHECKING:
    from .sign_facts import SigningFacts

logger = logging.getLogger(__name__)

SIGNATURE_PENDING_DAYS = 7
# An arbitrary constant naming the count refresh among PostgreSQL advisory locks.
COUNTS_LOCK_ID = 0x50E7_1710


@dataclass(frozen=True)
class SignResult:
    signature: Signature | None
    created: bool


def _page_in(page: PetitionPage, language: str) -> PetitionPage:
    """The petition in the signer's language when a translation exists."""
    if language == page.locale.language_code:
        return page
    try:
        other = page.get_translation_or_none(Locale.objects.get(language_code=language))
    except Locale.DoesNotExist:
        other = None
    return other.specific if other is not None and other.live else page


def _link(page: PetitionPage, route: str, token: str) -> str:
    return settings.SITE_URL + page.url + page.reverse_subpage(route, args=[token]).lstrip("/")


def _email_context(page: PetitionPage, signature: Signature) -> dict:
    # A work inbox may be read by the employer: a petition with a code name is called by it
    # in its emails, and its addressee is not named.
    coded = bool(page.public_title)
    return {
        "petition_title": page.shown_title,
        "addressed_to": pgettext_lazy("petition addressed to", "the employer")
        if coded
        else page.addressed_to,
        "petition_url": settings.SITE_URL + page.url,
        "name": signature.name,
        "confirm_url": _link(page, "confirm", make_token(signature.pk, CONFIRM)),
        "withdraw_url": _link(page, "withdraw", make_token(signature.pk, WITHDRAW)),
        "confirmed": signature.status == Signature.Status.CONFIRMED,
        "pending_days": SIGNATURE_PENDING_DAYS,
    }


def signature_create(
    *,
    petition: "PetitionPage | SigningFacts",
    name: str,
    email: str,
    department: str = "",
    name_display: str = Signature.NameDisplay.HIDDEN,
    language: str = "en",
    waits_for: int | None = None,
    contact_consent: bool = False,
) -> SignResult:
    """Sign a petition: one INSERT, and a confirmation email queued on commit. `petition`
    is the page or its cached signing facts (petitions.sign_facts): only its id and source
    id are used, so the signing path needs no page.

    The unique constraint on (petition, email) decides whether this is a new signature;
    we never look first. Someone who already signed gets an email saying so, and the
    caller shows them the same screen as everyone else.
    """
    email = normalize_email(email)
    source_id = petition.source_id
    # In a request (autocommit) the INSERT is its own transaction: one round trip, and
    # the email is queued once it has committed. Inside a caller's transaction, a
    # savepoint keeps a duplicate from breaking it.
    guard = transaction.atomic() if connection.in_atomic_block else nullcontext()
    try:
        with guard:
            signature = Signature.objects.create(
                petition_id=source_id,
                name=" ".join(name.split()),
                email=email,
                department=department.strip(),
                name_display=name_display,
                language=language,
                waits_for=waits_for,
                contact_consent=contact_consent,
                contact_consent_at=timezone.now() if contact_consent else None,
            )
    except IntegrityError:
        existing = Signature.objects.filter(petition_id=source_id, email=email).first()
        if existing is None:  # withdrawn in between: nothing to tell them
            return SignResult(signature=None, created=False)
        _queue_signature_email(existing.pk, petition.pk, ALREADY_SIGNED, language)
        return SignResult(signature=existing, created=False)
    _queue_signature_email(signature.pk, petition.pk, CONFIRM_EMAIL, language)
    return SignResult(signature=signature, created=True)


CONFIRM_EMAIL = "petitions_confirm"
ALREADY_SIGNED = "petitions_already_signed"


def _queue_signature_email(signature_id: int, page_id: int, template: str, language: str) -> None:
    """The worker renders the email from ids (and finds the petition in the signer's
    language): the request stays short, and neither the signer's name nor their links
    travel through the broker."""
    from .tasks import signature_email_send

    transaction.on_commit(
        lambda: signature_email_send.delay(
            signature_id=signature_id, page_id=page_id, template=template, language=language
        )
    )


def signature_email_send(*, signature_id: int, page_id: int, template: str, language: str) -> bool:
    """Send a signer their confirmation or already-signed email. Returns whether it was
    sent: a signature withdrawn (or purged) since then gets nothing."""
    from core.tasks import email_send

    signature = (
        Signature.objects.filter(pk=signature_id).exclude(status=Signature.Status.WITHDRAWN).first()
    )
    page = PetitionPage.objects.filter(pk=page_id).first()
    if signature is None or page is None or not signature.email:
        return False
    page = _page_in(page, language)
    subject, text, html = email_render(
        template=template, context=_email_context(page, signature), language=language
    )
    return email_send(to=signature.email, subject=subject, text=text, html=html, language=language)


def _mark_dirty(source_id: int) -> None:
    # After commit, so a refresh that clears the mark always sees the committed row.
    transaction.on_commit(lambda: cache.set(selectors.dirty_key(source_id), 1, timeout=None))


def signature_confirm(*, signature: Signature) -> bool:
    """Confirm a pending signature; True if this call confirmed it."""
    updated = Signature.objects.filter(pk=signature.pk, status=Signature.Status.PENDING).update(
        status=Signature.Status.CONFIRMED, confirmed_at=timezone.now()
    )
    if updated:
        _mark_dirty(signature.petition_id)
    return bool(updated)


def signature_withdraw(*, signature: Signature) -> bool:
    """Take a signature out of the count and delete its personal data (and the consent to
    be contacted: someone who withdraws has asked to be left alone)."""
    updated = (
        Signature.objects.filter(pk=signature.pk)
        .exclude(status=Signature.Status.WITHDRAWN)
        .update(
            status=Signature.Status.WITHDRAWN,
            withdrawn_at=timezone.now(),
            name="",
            email=None,
            department="",
            name_display=Signature.NameDisplay.HIDDEN,
            contact_consent=False,
            contact_consent_at=None,
        )
    )
    if updated:
        _mark_dirty(signature.petition_id)
    return bool(updated)


@dataclass(frozen=True)
class PaperRow:
    name: str
    email: str = ""
    department: str = ""
    line: int = 0  # on the steward's pasted sheet, so a preview can point at it
    name_display: str = ""  # a numbered sheet's row says; "" takes the batch's choice


@dataclass(frozen=True)
class PaperResult:
    added: int
    duplicates: int


def paper_signatures_add(
    *,
    petition: PetitionPage,
    entered_by,
    rows: list[PaperRow],
    name_display: str,
    sheet: PaperSheet | None = None,
) -> PaperResult:
    """Signatures collected on paper, entered by a steward. They count as confirmed (the
    steward saw them signed). They never carry consent to be contacted: the printed sheet
    has no such box, and a steward can't vouch for a choice the signer was never offered.
    An email that already signed online or on an earlier sheet is a duplicate: the database
    constraint says so, row by row. Rows without an email have no such key; the steward has
    already seen them against the petition's signatures (`selectors.paper_preview`) and
    chosen which to save."""
    source_id = petition.source_id
    added = duplicates = 0
    now = timezone.now()
    with transaction.atomic():
        for row in rows:
            try:
                with transaction.atomic():
                    Signature.objects.create(
                        petition_id=source_id,
                        status=Signature.Status.CONFIRMED,
                        name=" ".join(row.name.split()),
                        email=normalize_email(row.email) or None,
                        department=row.department.strip(),
                        name_display=row.name_display or name_display,
                        language=sheet.language if sheet else petition.locale.language_code,
                        source=Signature.Source.PAPER,
                        entered_by=entered_by,
                        confirmed_at=now,
                        sheet=sheet,
                        sheet_row=row.line if sheet else None,
                    )
                added += 1
            except IntegrityError:
                duplicates += 1
        if added:
            _mark_dirty(source_id)
    return PaperResult(added=added, duplicates=duplicates)


MAX_SHEETS_PRINTED = 50


def paper_sheets_print(
    *, petition: PetitionPage, count: int, language: str, printed_by
) -> list[PaperSheet]:
    """Number `count` new sheets after the petition's last one. Two stewards printing at
    once: the unique (petition, number) constraint refuses the slower one's numbers, and it
    takes the next free ones instead."""
    if not 1 <= count <= MAX_SHEETS_PRINTED:
        raise ValueError("sheet count out of range")
    source_id = petition.source_id
    for _attempt in range(5):
        last = (
            PaperSheet.objects.filter(petition_id=source_id).aggregate(n=models.Max("number"))["n"]
            or 0
        )
        try:
            with transaction.atomic():
                return PaperSheet.objects.bulk_create(
                    [
                        PaperSheet(
                            petition_id=source_id,
                            number=last + i,
                            language=language,
                            printed_by=printed_by,
                        )
                        for i in range(1, count + 1)
                    ]
                )
        except IntegrityError:
            continue
    raise RuntimeError("could not number the sheets")


class SheetAlreadyEntered(Exception):
    """Another steward entered this sheet first."""


def paper_sheet_returned(*, sheet: PaperSheet) -> bool:
    """The sheet came back (not yet entered). True if this call marked it."""
    return bool(
        PaperSheet.objects.filter(pk=sheet.pk, returned_at__isnull=True).update(
            returned_at=timezone.now()
        )
    )


def paper_sheet_enter(
    *,
    sheet: PaperSheet,
    petition: PetitionPage,
    entered_by,
    collected_by: str,
    collected_on: datetime.date | None,
    rows: list[PaperRow],
) -> PaperResult:
    """Enter one returned sheet: who collected it and when, and the rows the steward kept
    after the preview, each filed with its row number. All or nothing: the sheet is locked,
    checked not entered yet, and its rows and its record are written in one transaction."""
    with transaction.atomic():
        locked = PaperSheet.objects.select_for_update().get(pk=sheet.pk)
        if locked.entered_at is not None:
            raise SheetAlreadyEntered
        result = paper_signatures_add(
            petition=petition,
            entered_by=entered_by,
            rows=rows,
            name_display=Signature.NameDisplay.HIDDEN,
            sheet=locked,
        )
        now = timezone.now()
        locked.collected_by = " ".join(collected_by.split())[:120]
        locked.collected_on = collected_on
        locked.returned_at = locked.returned_at or now
        locked.entered_at = now
        locked.entered_by = entered_by
        locked.save(
            update_fields=[
                "collected_by",
                "collected_on",
                "returned_at",
                "entered_at",
                "entered_by",
            ]
        )
    return result


def _try_counts_lock() -> bool:
    """On PostgreSQL, one refresher at a time (the lock ends with the transaction)."""
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [COUNTS_LOCK_ID])
        return bool(cursor.fetchone()[0])


def conditional_promote(*, source_id: int, counted: int, now=None) -> int:
    """Make conditional signatures ordinary once their condition holds; returns how many.

    "Count me once N coworkers have signed (me included)": the largest group of waiting
    signatures that all hold together is promoted at once. With k of them, taken in order
    of N, each holds when counted + k >= its N; so ten coworkers each waiting for ten count
    together, though none would alone. Idempotent: only rows still waiting are touched."""
    waiting = list(
        Signature.objects.filter(selectors.WAITING, petition_id=source_id)
        .order_by("waits_for", "id")
        .values_list("id", "waits_for")
    )
    chosen = 0
    for k, (_id, n) in enumerate(waiting, start=1):
        if counted + k >= n:
            chosen = k
    if not chosen:
        return 0
    return Signature.objects.filter(
        selectors.WAITING, id__in=[pk for pk, _n in waiting[:chosen]]
    ).update(waits_for=None, counted_at=now or timezone.now())


def _store_counts(ids: list[int], *, reconcile: bool) -> dict[int, dict]:
    def grouped():
        return {
            row["petition_id"]: row
            for row in Signature.objects.filter(petition_id__in=ids)
            .values("petition_id")
            .annotate(
                confirmed=Count("id", filter=selectors.COUNTED),
                conditional=Count("id", filter=selectors.WAITING),
                pending=Count("id", filter=Q(status=Signature.Status.PENDING)),
            )
        }

    found = grouped()
    now = timezone.now()
    promoted = 0
    for source_id, row in found.items():
        if row["conditional"]:
            promoted += conditional_promote(source_id=source_id, counted=row["confirmed"], now=now)
    if promoted:
        found = grouped()
    pages = {page.pk: page for page in PetitionPage.objects.filter(pk__in=ids)}
    entries = {}
    for source_id in ids:
        row = found.get(source_id, {"confirmed": 0, "pending": 0, "conditional": 0})
        defaults = {
            "confirmed": row["confirmed"],
            "pending": row["pending"],
            "conditional": row["conditional"],
            "refreshed_at": now,
        }
        if reconcile:
            defaults["reconciled_at"] = now
        PetitionCount.objects.update_or_create(petition_id=source_id, defaults=defaults)
        page = pages.get(source_id)
        threshold = page.seal_count() if page is not None else None
        if threshold is not None and row["confirmed"] >= threshold:
            _threshold_reach(source_id, now)
        entries[source_id] = selectors.tally_entry(
            source_id,
            row["confirmed"],
            now.timestamp(),
            conditional=row["conditional"],
            seal=selectors.seal_state(page, now) if page is not None else None,
        )
    cache.set_many(
        {selectors.count_key(i): entry for i, entry in entries.items()}, selectors.COUNT_TTL
    )
    return entries


def _threshold_reach(source_id: int, now) -> None:
    """Record, once, that the seal threshold was reached, and email the signers after
    commit. The window before names show runs from this moment."""
    from .tasks import threshold_notices_send

    first = PetitionCount.objects.filter(
        petition_id=source_id, threshold_reached_at__isnull=True
    ).update(threshold_reached_at=now)
    if first:
        transaction.on_commit(lambda: threshold_notices_send.delay(source_id))


THRESHOLD_EMAIL = "petitions_threshold"


def threshold_notices_send(*, source_id: int) -> int:
    """Queue one notice per signer counted when the threshold was reached (each its own
    task, so one bad address doesn't hold up the rest). Safe to run twice: a signer
    already told is skipped by the per-signer task."""
    from .tasks import threshold_notice_send

    reached_at = (
        PetitionCount.objects.filter(petition_id=source_id)
        .values_list("threshold_reached_at", flat=True)
        .first()
    )
    if reached_at is None:
        return 0
    ids = list(
        Signature.objects.filter(
            selectors.COUNTED,
            petition_id=source_id,
            email__isnull=False,
            threshold_notified_at__isnull=True,
            confirmed_at__lte=reached_at,
        ).values_list("id", flat=True)
    )
    for signature_id in ids:
        threshold_notice_send.delay(signature_id)
    return len(ids)


def threshold_notice_send(*, signature_id: int) -> bool:
    """Tell one signer, in their language, that the threshold was reached and when names
    will show, with their withdraw link. Marked after sending: a retry may repeat a notice,
    never lose one (a lost notice would take away the chance to withdraw)."""
    from core.tasks import email_send

    signature = (
        Signature.objects.filter(
            selectors.COUNTED, pk=signature_id, threshold_notified_at__isnull=True
        )
        .exclude(email__isnull=True)
        .first()
    )
    if signature is None:
        return False
    page = PetitionPage.objects.filter(pk=signature.petition_id).first()
    if page is None:
        return False
    seal = selectors.seal_state(page)
    if seal.reached_at is None:
        return False
    language = signature.language
    shown_page = _page_in(page, language)
    context = {
        **_email_context(shown_page, signature),
        "threshold": seal.threshold,
        "window_hours": seal.window_hours,
        "visible_at": seal.visible_at,
        "shown_as": signature.shown_name,
    }
    subject, text, html = email_render(template=THRESHOLD_EMAIL, context=context, language=language)
    sent = email_send(to=signature.email, subject=subject, text=text, html=html, language=language)
    Signature.objects.filter(pk=signature_id).update(threshold_notified_at=timezone.now())
    return sent


def counts_refresh(*, petition_ids: list[int] | None = None) -> dict[int, dict]:
    """Recount the petitions whose signatures changed since the last refresh (or those
    named), in one grouped query over the counting index, and cache the result.

    Each signature change only sets a cache mark after commit; clearing the marks *before*
    counting means a change is either seen by this count or leaves its mark for the next.
    """
    with transaction.atomic():
        if not _try_counts_lock():
            return {}
        if petition_ids is None:
            # Source pages (the first of each translation group) of open petitions.
            candidates = [
                row["first"]
                for row in PetitionPage.objects.filter(status=PetitionPage.Status.OPEN)
                .order_by()  # Page's default ordering would split the groups
                .values("translation_key")
                .annotate(first=Min("id"))
            ]
            marks = cache.get_many([selectors.dirty_key(i) for i in candidates])
            petition_ids = [i for i in candidates if selectors.dirty_key(i) in marks]
            # A petition with no cached entry yet (new, or the cache was flushed) too.
            missing = cache.get_many([selectors.count_key(i) for i in candidates])
            petition_ids += [
                i
                for i in candidates
                if selectors.count_key(i) not in missing and i not in petition_ids
            ]
        if not petition_ids:
            return {}
        cache.delete_many([selectors.dirty_key(i) for i in petition_ids])
        return _store_counts(petition_ids, reconcile=False)


def tally_refresh_if_stale(*, petition: PetitionPage) -> selectors.PetitionTally:
    """The count the public sees, refreshed first when it is stale: for when no beat
    refreshes counts (the demo). One view per petition per few seconds refreshes; the rest
    read what is there."""
    tally = selectors.petition_tally(petition)
    if not tally.stale:
        return tally
    source_id = petition.source_id
    if cache.add(f"petitions:refreshing:{source_id}", 1, timeout=selectors.STALE_AFTER):
        entry = counts_refresh(petition_ids=[source_id]).get(source_id)
        if entry is not None:
            tally = selectors.tally_from(petition, entry)
    return tally


def counts_reconcile() -> int:
    """Nightly: recount every petition exactly (open or not) and log any drift."""
    with transaction.atomic():
        if not _try_counts_lock():
            return 0
        ids = list(
            PetitionPage.objects.filter(
                id__in=Signature.objects.values("petition_id").distinct()
            ).values_list("id", flat=True)
        )
        before = dict(PetitionCount.objects.values_list("petition_id", "confirmed"))
        entries = _store_counts(ids, reconcile=True)
    drift = sum(1 for i, entry in entries.items() if before.get(i) != entry["count"])
    if drift:
        logger.info("petition counts reconciled: %d petitions corrected", drift)
    return len(entries)


def signatures_expire(*, now: datetime.datetime | None = None) -> int:
    """Delete signatures never confirmed within SIGNATURE_PENDING_DAYS: they were never
    counted, and we keep no personal data we don't need."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=SIGNATURE_PENDING_DAYS)
    deleted, _ = Signature.objects.filter(
        status=Signature.Status.PENDING, created_at__lt=cutoff
    ).delete()
    return deleted


def retention_purge(*, today: datetime.date | None = None) -> int:
    """After closing plus the retention days, anonymise every signature (the rows and
    their status remain, so counts stay exact) and delete the delivery PDFs."""
    today = today or timezone.localdate()
    purged = 0
    for page in PetitionPage.objects.exclude(closes_on__isnull=True).exclude(
        status=PetitionPage.Status.OPEN, closes_on__gte=today
    ):
        if page.purge_after() is None or page.purge_after() >= today:
            continue
        source_id = page.source_id
        with transaction.atomic():
            # Never-confirmed signatures never counted: delete them outright.
            Signature.objects.filter(
                petition_id=source_id, status=Signature.Status.PENDING
            ).delete()
            purged += Signature.objects.filter(
                petition_id=source_id, anonymised_at__isnull=True
            ).update(
                name="",
                email=None,
                department="",
                name_display=Signature.NameDisplay.HIDDEN,
                entered_by=None,
                contact_consent=False,
                contact_consent_at=None,
                anonymised_at=timezone.now(),
            )
            DeliveryPdf.objects.filter(petition_id=source_id).delete()
            PetitionCount.objects.filter(petition_id=source_id).update(purged_at=timezone.now())
        _mark_dirty(source_id)
    return purged


def delivery_pdf_request(
    *,
    petition: PetitionPage,
    user,
    count_only: bool,
    language: str,
    with_departments: bool = False,
) -> DeliveryPdf:
    """Queue a delivery PDF for a worker on the "pdf" queue. A department table goes in
    only when asked for and the sign form told signers it might."""
    from .tasks import delivery_pdf_render

    pdf = DeliveryPdf.objects.create(
        petition_id=petition.source_id,
        requested_by=user,
        count_only=count_only,
        with_departments=with_departments and petition.departments_shown_to_target,
        language=language,
    )
    transaction.on_commit(lambda: delivery_pdf_render.delay(pdf.pk))
    return pdf


def delivery_pdf_render(*, pdf_id: int) -> None:
    """Render the delivery PDF in chunks, recording progress as it goes (idempotent: a
    finished PDF is left alone)."""
    from .delivery import render_delivery

    pdf = DeliveryPdf.objects.filter(pk=pdf_id).first()
    if pdf is None or pdf.state == DeliveryPdf.State.DONE:
        return
    DeliveryPdf.objects.filter(pk=pdf_id).update(state=DeliveryPdf.State.RUNNING, progress=1)
    page = PetitionPage.objects.get(pk=pdf.petition_id)
    last = [0.0]

    def progress(percent: int) -> None:
        # Throttled: the status page polls; a write per chunk is plenty.
        if time.monotonic() - last[0] > 0.3 or percent >= 100:
            last[0] = time.monotonic()
            DeliveryPdf.objects.filter(pk=pdf_id).update(progress=min(percent, 99))

    try:
        with translation.override(pdf.language):
            page = _page_in(page, pdf.language)
            data, count = render_delivery(
                page,
                count_only=pdf.count_only,
                with_departments=pdf.with_departments,
                progress=progress,
            )
    except Exception:
        DeliveryPdf.objects.filter(pk=pdf_id).update(state=DeliveryPdf.State.FAILED)
        logger.exception("delivery PDF %s failed", pdf_id)
        raise
    DeliveryPdf.objects.filter(pk=pdf_id).update(
        state=DeliveryPdf.State.DONE,
        progress=100,
        pdf=data,
        signature_count=count,
        finished_at=timezone.now(),
    )
