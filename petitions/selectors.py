"""Reads that need care: the cached count a page shows, signer lists, department counts
and the rows of an export.

A page view never counts rows. It reads a cache entry written by the batch refresh
(`services.counts_refresh`). When nothing refreshes it (the demo has no beat), a view that
finds the entry stale *and* marked dirty has that one petition refreshed
(`services.tally_refresh_if_stale`), at most once per few seconds per petition, guarded
so concurrent views don't stampede.
"""

import datetime
import hashlib
import time
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.email import normalize_email

from .models import PaperSheet, PetitionCount, PetitionPage, Signature, display_name, fold

COUNT_TTL = 24 * 3600
# The beat refreshes dirty petitions every 3 s; a view refreshes only if that stalled.
STALE_AFTER = 4.0
RECENT_SHOWN = 8
MIN_CELL = 5  # department counts below this are suppressed outside the organizer view


# A signature that counts: confirmed, and not waiting for its condition (Signature.waits_for).
COUNTED = Q(status=Signature.Status.CONFIRMED, waits_for__isnull=True)
WAITING = Q(status=Signature.Status.CONFIRMED, waits_for__isnull=False)


def counted(source_id: int) -> QuerySet[Signature]:
    return Signature.objects.filter(COUNTED, petition_id=source_id)


@dataclass(frozen=True)
class Seal:
    """Whether names may be shown yet. `threshold` is None when the petition seals
    nothing; otherwise names show from `visible_at` (the threshold reached, plus the
    window signers have to withdraw)."""

    threshold: int | None
    count: int = 0
    reached_at: datetime.datetime | None = None
    visible_at: datetime.datetime | None = None
    visible: bool = True
    window_hours: int = 0

    @property
    def sealed(self) -> bool:
        return not self.visible

    @property
    def in_window(self) -> bool:
        """Reached, and signers are still within their time to withdraw."""
        return self.reached_at is not None and not self.visible


def seal_state(
    page: PetitionPage, now: datetime.datetime | None = None, *, stored: dict | None = None
) -> Seal:
    """`stored`: the count row's "confirmed" and "threshold_reached_at" when the caller
    already has them (a cached tally carries both), so reading them costs no query."""
    threshold = page.seal_count() if page.pk is not None else None
    if threshold is None:
        return Seal(threshold=None)
    now = now or timezone.now()
    if stored is None:
        stored = (
            PetitionCount.objects.filter(petition_id=page.source_id)
            .values("confirmed", "threshold_reached_at")
            .first()
        ) or {"confirmed": 0, "threshold_reached_at": None}
    reached_at = stored["threshold_reached_at"]
    window = page.governing.seal_window_hours
    visible_at = reached_at + datetime.timedelta(hours=window) if reached_at else None
    return Seal(
        threshold=threshold,
        count=stored["confirmed"],
        reached_at=reached_at,
        visible_at=visible_at,
        visible=visible_at is not None and now >= visible_at,
        window_hours=window,
    )


def names_visible(page: PetitionPage, now: datetime.datetime | None = None) -> bool:
    """The one gate for every surface that shows a name, a department cell or a recent
    signer (page, JSON, organizer pages, CSVs, delivery PDF, paper preview): False while
    the petition's seal threshold is not reached, and for the window after it, whoever
    asks. A petition with no threshold shows names as signers chose."""
    return seal_state(page, now).visible


def count_key(source_id: int) -> str:
    return f"petitions:count:{source_id}"


def dirty_key(source_id: int) -> str:
    return f"petitions:dirty:{source_id}"


@dataclass(frozen=True)
class PetitionTally:
    count: int
    goal: int
    recent: list[str]
    refreshed_at: float
    stale: bool = False
    conditional: int = 0  # confirmed, waiting for their condition: not in `count`
    seal: Seal = Seal(threshold=None)

    @property
    def percent(self) -> int:
        if not self.goal:
            return 0
        return min(100, round(100 * self.count / self.goal))


def recent_names(source_id: int) -> list[str]:
    rows = (
        counted(source_id)
        .exclude(name_display=Signature.NameDisplay.HIDDEN)
        .order_by("-confirmed_at")
        .values_list("name", "name_display")[:RECENT_SHOWN]
    )
    return [shown for name, choice in rows if (shown := display_name(name, choice))]


def tally_entry(
    source_id: int,
    confirmed: int,
    refreshed_at: float,
    *,
    conditional: int = 0,
    seal: Seal | None = None,
) -> dict:
    """A cached tally. A sealed petition's entry holds no names at all; it keeps when the
    threshold was reached, so a reader works out the seal (which can outlast the entry: the
    window ends with time) without a query."""
    sealed = seal is not None and not seal.visible
    recent = [] if sealed else recent_names(source_id)
    reached_at = seal.reached_at if seal is not None else None
    return {
        "count": confirmed,
        "recent": recent,
        "at": refreshed_at,
        "conditional": conditional,
        "sealed": sealed,
        "reached_at": reached_at.timestamp() if reached_at else None,
    }


def petition_tally(page: PetitionPage) -> PetitionTally:
    """The count the public sees, from the cache (or the stored aggregate when the cache
    lost it); `stale` when it may be more than a few seconds old and a refresh is due (see
    services.tally_refresh_if_stale)."""
    if page.pk is None:  # an unsaved page in the admin's preview has no signatures
        return PetitionTally(count=0, goal=page.goal, recent=[], refreshed_at=0.0)
    source_id = page.source_id
    found = cache.get_many([count_key(source_id), dirty_key(source_id)])
    entry = found.get(count_key(source_id))
    dirty = dirty_key(source_id) in found
    if entry is None:
        stored = PetitionCount.objects.filter(petition_id=source_id).first()
        if stored is not None and not dirty:
            entry = tally_entry(
                source_id,
                stored.confirmed,
                stored.refreshed_at.timestamp(),
                conditional=stored.conditional,
                seal=seal_state(
                    page,
                    stored={
                        "confirmed": stored.confirmed,
                        "threshold_reached_at": stored.threshold_reached_at,
                    },
                ),
            )
            cache.set(count_key(source_id), entry, COUNT_TTL)
    stale = entry is None or (dirty and time.time() - entry["at"] > STALE_AFTER)
    return tally_from(page, entry, stale=stale)


def petition_tallies(pages: list[PetitionPage]) -> dict[int, PetitionTally]:
    """Each page's tally for a listing, by page id: the same cache entries petition_tally
    reads, fetched in one round trip, and the stored aggregates of any the cache lost in
    one query, whatever the number of petitions. Give the pages their governing pages
    first (models.governing_attach). Nothing is written back: a cache entry carries
    recent names, which a listing neither shows nor should count per petition."""
    sources = {page.pk: page.source_id for page in pages if page.pk is not None}
    keys = {source_id: count_key(source_id) for source_id in set(sources.values())}
    found = cache.get_many(list(keys.values())) if keys else {}
    entries = {source_id: found.get(key) for source_id, key in keys.items()}
    missing = [source_id for source_id, entry in entries.items() if entry is None]
    if missing:
        for stored in PetitionCount.objects.filter(petition_id__in=missing):
            entries[stored.petition_id] = {
                "count": stored.confirmed,
                "recent": [],
                "at": stored.refreshed_at.timestamp(),
                "reached_at": reached.timestamp()
                if (reached := stored.threshold_reached_at)
                else None,
            }
    return {pk: tally_from(page, entries[sources[pk]]) for page in pages if (pk := page.pk)}


def tally_from(page: PetitionPage, entry: dict | None, *, stale: bool = False) -> PetitionTally:
    """The tally of a cache entry (`tally_entry`); none yet is a count of nothing."""
    if entry is None:
        entry = {"count": 0, "recent": [], "at": 0.0}
    if page.pk is None:
        seal = Seal(threshold=None)
    elif "reached_at" in entry:
        reached = entry["reached_at"]
        stored = {
            "confirmed": entry["count"],
            "threshold_reached_at": datetime.datetime.fromtimestamp(reached, datetime.UTC)
            if reached is not None
            else None,
        }
        seal = seal_state(page, stored=stored)
    else:  # an entry cached before entries kept the seal
        seal = seal_state(page)
    if entry.get("sealed") and seal.visible:
        stale = True  # cached while sealed, so without names: time to count again
    return PetitionTally(
        count=entry["count"],
        goal=page.governing.goal,
        recent=entry["recent"] if seal.visible else [],
        refreshed_at=entry["at"],
        stale=stale,
        conditional=entry.get("conditional", 0),
        seal=seal,
    )


def signers(
    page: PetitionPage,
    *,
    status: str = "",
    department: str = "",
    source: str = "",
    query: str = "",
) -> QuerySet[Signature]:
    """The signer list for organizers: nothing while names are sealed."""
    if not names_visible(page):
        return Signature.objects.none()
    rows = Signature.objects.filter(petition_id=page.source_id).exclude(email__isnull=True, name="")
    if status:
        rows = rows.filter(status=status)
    if department:
        rows = rows.filter(department=department)
    if source:
        rows = rows.filter(source=source)
    if query:
        rows = rows.filter(Q(name__icontains=query) | Q(email__icontains=query))
    return rows.select_related("entered_by").order_by("-created_at", "-id")


def department_counts(
    page: PetitionPage, *, suppress: bool, language: str | None = None
) -> list[tuple[str, int | None]]:
    """Confirmed signatures per department. With `suppress`, a count below MIN_CELL is
    None, so a small team can't be singled out on anything that leaves the organizer view.
    With `language`, each department is named in it (signatures store one key per
    department, so the counts are the same in every language). Nothing while names are
    sealed: a department cell can single people out as surely as a name."""
    if not names_visible(page):
        return []
    rows = (
        counted(page.source_id).values("department").annotate(n=Count("id")).order_by("department")
    )
    result = []
    for row in rows:
        n = row["n"]
        name = row["department"]
        if language is not None and name:
            name = page.department_label(name, language)
        result.append((name, None if suppress and n < MIN_CELL else n))
    return result


def email_leaving(signature: Signature) -> str:
    """The signer's email for anything that leaves Union Hall (an export, the API): only
    when they ticked "the local may contact me", else ""."""
    return (signature.email or "") if signature.contact_consent else ""


def signers_export(page: PetitionPage) -> tuple[list[str], Iterator[tuple]]:
    """The header and rows of the signers export (core.exports writes them). A file leaves
    Union Hall, so the email is there only for a signer who agreed to be contacted."""
    header = [
        _("Name"),
        _("Email"),
        _("May be contacted"),
        _("Department"),
        _("Status"),
        _("Collected"),
        _("Shown as"),
        _("Language"),
        _("Signed"),
        _("Confirmed"),
        _("Sheet"),
        _("Row"),
    ]
    rows = (
        (
            s.name,
            email_leaving(s),
            _("yes") if s.contact_consent else _("no"),
            s.department,
            s.get_status_display(),
            s.get_source_display(),
            s.shown_name,
            s.language,
            s.created_at.isoformat(timespec="seconds"),
            s.confirmed_at.isoformat(timespec="seconds") if s.confirmed_at else "",
            s.sheet.number if s.sheet else "",
            s.sheet_row or "",
        )
        for s in signers(page).select_related("sheet").iterator(chunk_size=2000)
    )
    return header, rows


@dataclass(frozen=True)
class CoverageRow:
    """One department: how many signed, of about how many, with the small-cell rule
    applied (a count below MIN_CELL is `None`, and its share is not given either)."""

    label: str
    count: int | None
    headcount: int | None
    share: int | None  # percent, rounded

    @property
    def small(self) -> bool:
        return self.count is None


def department_coverage(page: PetitionPage, *, language: str | None = None) -> list[CoverageRow]:
    """Each listed department's confirmed signatures against its headcount, for the
    organizer view and the delivery PDF; signatures with no (or an unlisted) department
    are left out, having no headcount. Empty while names are sealed, and when no
    department has a headcount."""
    listed = page.department_list
    if not any(d.headcount for d in listed) or not names_visible(page):
        return []
    found = dict(
        counted(page.source_id)
        .values("department")
        .annotate(n=Count("id"))
        .values_list("department", "n")
    )
    result = []
    for department in listed:
        n = found.get(department.key, 0)
        small = n < MIN_CELL
        share = None
        if not small and department.headcount:
            share = min(100, round(100 * n / department.headcount))
        result.append(
            CoverageRow(
                label=department.label(language),
                count=None if small else n,
                headcount=department.headcount,
                share=share,
            )
        )
    return result


def departments_export(page: PetitionPage, *, language: str) -> tuple[list[str], list[tuple]]:
    """The header and rows of the department counts export, small cells suppressed: the
    counts leave the organizer view."""
    rows = [
        (
            name or _("(none given)"),
            _("fewer than %(n)s") % {"n": MIN_CELL} if n is None else n,
        )
        for name, n in department_counts(page, suppress=True, language=language)
    ]
    return [_("Department"), _("Confirmed signatures")], rows


def exact_confirmed(source_id: int) -> int:
    """Signatures that count (a conditional one waiting for its condition does not)."""
    return counted(source_id).count()


def exact_conditional(source_id: int) -> int:
    return Signature.objects.filter(WAITING, petition_id=source_id).count()


def delivery_names(page: PetitionPage) -> tuple[list[str], int]:
    """Names for the delivery sheet as each signer chose, and how many chose not to show
    (while sealed, no names: every signer is among those not shown)."""
    source_id = page.source_id
    if not names_visible(page):
        return [], exact_confirmed(source_id)
    names: list[str] = []
    hidden = 0
    rows = counted(source_id).order_by("confirmed_at", "id").values_list("name", "name_display")
    for name, choice in rows.iterator(chunk_size=2000):
        shown = display_name(name, choice)
        if shown:
            names.append(shown)
        else:
            hidden += 1
    return names, hidden


@dataclass(frozen=True)
class PaperPreviewRow:
    """One line of a paper batch as it would be saved, and what was found about it."""

    NEW = "new"
    BATCH_DUPLICATE = "batch_duplicate"
    EXISTING_DUPLICATE = "existing_duplicate"

    line: int
    name: str
    email: str
    department: str  # what would be stored: the listed key, or "" when unknown
    typed_department: str
    status: str
    duplicate_of: int | None = None  # the earlier line in this batch
    department_unknown: bool = False  # not on the petition's list: stored without one
    department_new: bool = False  # no list, and nobody gave this department yet
    # Who an existing duplicate is: signed online, or on paper (which sheet and row, when
    # it came from a numbered sheet).
    existing_source: str = ""
    existing_sheet: int | None = None
    existing_row: int | None = None
    name_display: str = ""  # a sheet row's own choice ("" in a pasted batch: the batch's)

    @property
    def kept_by_default(self) -> bool:
        return self.status == self.NEW


def paper_preview(page: PetitionPage, rows) -> list[PaperPreviewRow]:
    """Each parsed paper row (`services.PaperRow`) checked against the batch and the
    petition's signatures, saving nothing. A row with an email is a duplicate of the same
    email (the database constraint decides at save time anyway); a row without one, of the
    same name and department, with case, accents and spacing ignored. A department must
    name one on the petition's list, in any language; with no list, it is matched to a
    spelling already given, and a new one is flagged."""
    source_id = page.source_id
    listed = page.department_list
    signatures = Signature.objects.filter(petition_id=source_id).exclude(
        status=Signature.Status.WITHDRAWN
    )
    if not names_visible(page):
        # Sealed: checking a typed name against those given would tell the steward who
        # signed, and an echoed spelling which departments did. Lines are checked within
        # the batch only; an email that already signed is still counted once (the
        # database constraint), and says nothing about whose it is.
        signatures = signatures.none()
    spellings: dict[str, str] = {}
    if not listed:
        for given in signatures.exclude(department="").values_list("department", flat=True):
            spellings.setdefault(fold(given), given)
    emails = {normalize_email(row.email) for row in rows if row.email}
    where = ("source", "sheet__number", "sheet_row")
    signed_emails = {
        email: found
        for email, *found in signatures.filter(email__in=emails).values_list("email", *where)
    }
    signed_names: dict[tuple[str, str], list] = {}
    for name, department, *found in (
        signatures.exclude(name="")
        .order_by("id")
        .values_list("name", "department", *where)
        .iterator(chunk_size=2000)
    ):
        signed_names.setdefault((fold(name), fold(department)), found)
    seen: dict[tuple, int] = {}
    result = []
    for row in rows:
        department, unknown, new = row.department, False, False
        if row.department and listed:
            department = page.department_match(row.department) or ""
            unknown = not department
        elif row.department:
            department = spellings.get(fold(row.department), row.department)
            new = fold(row.department) not in spellings
        email = normalize_email(row.email)
        name_key = ("name", fold(row.name), fold(department))
        key = ("email", email) if email else name_key
        status, earlier = PaperPreviewRow.NEW, None
        existing = signed_emails.get(email) if email else signed_names.get(name_key[1:])
        if key in seen:
            status, earlier = PaperPreviewRow.BATCH_DUPLICATE, seen[key]
        elif existing is not None:
            status = PaperPreviewRow.EXISTING_DUPLICATE
        existing_source, existing_sheet, existing_row = (
            existing if status == PaperPreviewRow.EXISTING_DUPLICATE else ("", None, None)
        )
        seen.setdefault(key, row.line)
        seen.setdefault(name_key, row.line)
        result.append(
            PaperPreviewRow(
                line=row.line,
                name=row.name,
                email=email,
                department=department,
                typed_department=row.department,
                status=status,
                duplicate_of=earlier,
                department_unknown=unknown,
                department_new=new,
                existing_source=existing_source,
                existing_sheet=existing_sheet,
                existing_row=existing_row,
                name_display=row.name_display,
            )
        )
    return result


def paper_preview_fingerprint(preview: list[PaperPreviewRow], name_display: str) -> str:
    """What the steward saw, so a save acts only on exactly that (not secret: a digest)."""
    digest = hashlib.sha256(name_display.encode())
    for row in preview:
        seen = (row.line, row.name, row.email, row.department, row.status, row.name_display)
        digest.update(repr(seen).encode())
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class SheetReconciliation:
    """Where the printed sheets are, and how much of the count came from paper."""

    sheets: list[PaperSheet]  # each with `signature_count`: confirmed signatures from it
    printed: int
    returned: int
    entered: int
    missing: int  # printed and not yet back
    paper: int  # confirmed paper signatures (on numbered sheets or pasted in)
    paper_on_sheets: int
    online: int

    @property
    def total(self) -> int:
        return self.paper + self.online


def sheet_reconciliation(page: PetitionPage) -> SheetReconciliation:
    source_id = page.source_id
    confirmed = Q(signatures__status=Signature.Status.CONFIRMED)
    sheets = list(
        PaperSheet.objects.filter(petition_id=source_id)
        .annotate(signature_count=Count("signatures", filter=confirmed))
        .order_by("number")
    )
    by_source = dict(
        Signature.objects.filter(petition_id=source_id, status=Signature.Status.CONFIRMED)
        .values("source")
        .annotate(n=Count("id"))
        .values_list("source", "n")
    )
    returned = sum(sheet.returned_at is not None for sheet in sheets)
    return SheetReconciliation(
        sheets=sheets,
        printed=len(sheets),
        returned=returned,
        entered=sum(sheet.entered_at is not None for sheet in sheets),
        missing=len(sheets) - returned,
        paper=by_source.get(Signature.Source.PAPER, 0),
        paper_on_sheets=sum(sheet.signature_count for sheet in sheets),
        online=by_source.get(Signature.Source.ONLINE, 0),
    )


def sheet_signatures(page: PetitionPage, sheet: PaperSheet) -> QuerySet[Signature]:
    """The signatures entered from one sheet, by row: a sheet's count, answerable. While the
    petition's names are sealed, each row keeps only its number and status: the name,
    email and department the steward typed are not shown back, even to them."""
    rows = Signature.objects.filter(sheet=sheet).order_by("sheet_row", "id")
    if not names_visible(page):
        return rows.only("id", "sheet_row", "status")
    return rows
