"""Reads that matter for days of action: tallies, the wall, the dashboard and the export.

Tallies are a handful of GROUP BY queries over the day's approved endorsements, cached
for a few seconds (and dropped when a write changes them), so a busy wall or counter
never counts row by row per request.
"""

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, Max, Min, Q, QuerySet, Sum, When
from django.db.models.functions import Coalesce, TruncDate, TruncHour
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from unions import selectors as unions

from .models import DayOfActionPage, Endorsement, OrganisationType, PledgeLevel

TALLY_SECONDS = 10


def days_organized_by(user) -> QuerySet[DayOfActionPage]:
    """The days whose endorsements, contacts included, this account may see and moderate.

    The one rule for it: superusers; editors who may edit the day's page in Wagtail; the
    organizers of the day's organizing local, or of any local of its organizing
    affiliation; and the organizers granted the day by name. Being an organizer of some
    other local is not enough. MFA is checked by the views, as for all personal data.
    Days are the pages in the default language, which own the endorsements.
    """
    if not user.is_authenticated or not user.is_active:
        return DayOfActionPage.objects.none()
    days = DayOfActionPage.objects.filter(locale=Locale.get_default())
    if user.is_superuser:
        return days
    organizing = unions.locals_organized_by(user)
    edited = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, {"change", "publish"}
    )
    return days.filter(
        Q(organizers=user)
        | Q(owner_local__in=organizing)
        | Q(owner_affiliation__in=organizing.values("affiliation_id"))
        | Q(pk__in=edited.values("pk"))
    ).distinct()


def organized_days(user) -> list[dict]:
    """The days this account organizes, newest first, each with how many endorsements wait
    for review and how many are approved (one grouped query for all of them)."""
    days = list(days_organized_by(user).order_by("-date"))
    counts: dict[int, dict[str, int]] = {}
    for day_id, status, n in (
        Endorsement.objects.filter(day__in=[day.pk for day in days])
        .values_list("day_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts.setdefault(day_id, {})[status] = n
    return [
        {
            "page": day,
            "pending_review": counts.get(day.pk, {}).get(Endorsement.Status.PENDING_REVIEW, 0),
            "approved": counts.get(day.pk, {}).get(Endorsement.Status.APPROVED, 0),
            "review_url": reverse("campaigns:review", args=[day.pk]),
            "dashboard_url": reverse("campaigns:dashboard", args=[day.pk]),
            "export_url": reverse("campaigns:export", args=[day.pk]),
            "import_url": reverse("campaigns:import", args=[day.pk]),
        }
        for day in days
    ]


def may_organize_day(user, day: DayOfActionPage) -> bool:
    return days_organized_by(user).filter(pk=day.source_day.pk).exists()


CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Endorsers per page of the public wall.
WALL_PER_PAGE = 25


def tally_key(day_id: int) -> str:
    return f"campaigns:tally:v1:{day_id}"


def version_key(day_id: int) -> str:
    return f"campaigns:version:{day_id}"


def cache_version(day_id: int) -> str:
    return str(cache.get_or_set(version_key(day_id), "0", None))


GROUPINGS = ("organisation_type", "region", "pledge_level", "affiliation_id")


def grouped_approved(day_id: int, groupings=GROUPINGS[:3]) -> dict[str, list[dict]]:
    """Count and members of approved endorsements grouped by each of `groupings` in turn.

    On PostgreSQL this is one scan with GROUPING SETS; elsewhere (the SQLite demo) one
    GROUP BY per grouping.
    """
    if connection.vendor != "postgresql":
        approved = Endorsement.objects.filter(day_id=day_id, status=Endorsement.Status.APPROVED)
        members = Coalesce(Sum("members_represented"), 0)
        return {
            field: [
                {"key": row[field], "n": row["n"], "members": row["members"]}
                for row in approved.values(field)
                .annotate(n=Count("pk"), members=members)
                .order_by()
            ]
            for field in groupings
        }
    assert set(groupings) <= set(GROUPINGS)  # column names below come from this list only
    table = Endorsement._meta.db_table
    columns = ", ".join(groupings)
    sets = ", ".join(f"({field})" for field in groupings)
    sql = (
        f"SELECT GROUPING({columns}), {columns}, COUNT(*), "  # noqa: S608 (fixed names)
        f"COALESCE(SUM(members_represented), 0) FROM {table} "
        f"WHERE day_id = %s AND status = %s GROUP BY GROUPING SETS ({sets})"
    )
    width = len(groupings)
    # GROUPING() sets a bit for each column *not* in the row's grouping set.
    mask_for = {(2**width - 1) ^ (1 << (width - 1 - i)): f for i, f in enumerate(groupings)}
    out: dict[str, list[dict]] = {field: [] for field in groupings}
    with connection.cursor() as cursor:
        cursor.execute(sql, [day_id, Endorsement.Status.APPROVED.value])
        for mask, *values in cursor.fetchall():
            field = mask_for[mask]
            key = values[groupings.index(field)]
            out[field].append({"key": key, "n": values[width], "members": values[width + 1]})
    return out


def _items(rows: list[dict], labels: dict | None = None) -> list[dict]:
    out = [
        {
            "key": row["key"] or "",
            "label": str(labels.get(row["key"], row["key"])) if labels else (row["key"] or ""),
            "endorsements": row["n"],
            "members_represented": row["members"] or 0,
        }
        for row in rows
    ]
    out.sort(key=lambda item: (-item["endorsements"], item["label"]))
    return out


def _tally_from(grouped: dict[str, list[dict]]) -> dict:
    by_type = _items(grouped["organisation_type"], dict(OrganisationType.choices))
    by_pledge = _items(grouped["pledge_level"], dict(PledgeLevel.choices))
    order = {level: i for i, level in enumerate(PledgeLevel.values)}
    by_pledge.sort(key=lambda item: order.get(item["key"], 99))
    return {
        "approved": sum(item["endorsements"] for item in by_type),
        "members_represented": sum(item["members_represented"] for item in by_type),
        "by_type": by_type,
        "by_region": _items(grouped["region"]),
        "by_pledge_level": by_pledge,
    }


def compute_public_tally(day_id: int) -> dict:
    """Approved endorsements and members represented, by type, region and pledge level."""
    return _tally_from(grouped_approved(day_id))


def public_tally(day: DayOfActionPage) -> dict:
    """The public tally, at most TALLY_SECONDS stale. Labels are resolved by the caller's
    language, so the cache holds keys and numbers only."""
    day_id = day.source_day.pk
    tally = cache.get(tally_key(day_id))
    if tally is None:
        tally = compute_public_tally(day_id)
        for group in ("by_type", "by_pledge_level"):
            for item in tally[group]:
                item.pop("label", None)
        cache.set(tally_key(day_id), tally, TALLY_SECONDS)
    return label_tally(tally)


def label_tally(tally: dict) -> dict:
    types, pledges = dict(OrganisationType.choices), dict(PledgeLevel.choices)
    out = dict(tally)
    out["by_type"] = [{**i, "label": str(types.get(i["key"], i["key"]))} for i in tally["by_type"]]
    out["by_pledge_level"] = [
        {**i, "label": str(pledges.get(i["key"], i["key"]))} for i in tally["by_pledge_level"]
    ]
    out["by_region"] = [{**i, "label": i["key"]} for i in tally["by_region"]]
    return out


# The wall shows only what an organisation chose to make public. Contact fields are
# never selected here, so they can't leak into a template by accident.
WALL_FIELDS = (
    "pk",
    "organisation_name",
    "organisation_type",
    "affiliation_name",
    "local_number",
    "city",
    "region",
    "members_represented",
    "pledge_level",
    "statement",
)


def wall_rows(day: DayOfActionPage, query: str = "") -> QuerySet[Endorsement]:
    """The day's approved endorsements that match `query`, in wall order: by organisation
    type (in the order of OrganisationType), then by name."""
    rows = Endorsement.objects.filter(day=day.source_day, status=Endorsement.Status.APPROVED)
    query = " ".join(CONTROL.sub(" ", query).split())[:100]
    if query:
        rows = rows.filter(
            Q(organisation_name__icontains=query)
            | Q(city__icontains=query)
            | Q(region__icontains=query)
            | Q(affiliation_name__icontains=query)
            | Q(statement__icontains=query)
        )
    type_order = Case(
        *(When(organisation_type=key, then=rank) for rank, key in enumerate(OrganisationType)),
        default=len(OrganisationType),
    )
    return rows.order_by(type_order, "organisation_name", "pk")


def wall_page_count(total: int) -> int:
    return max(1, -(-total // WALL_PER_PAGE))


def wall_page(day: DayOfActionPage, query: str = "", number: int = 1) -> dict:
    """Page `number` of the wall: WALL_PER_PAGE endorsements, grouped by organisation type,
    each group with its count over the whole wall and the page where it starts.

    A page past the last is empty (`groups` is []): the view answers it with a 404."""
    rows = wall_rows(day, query)
    counts = dict(rows.values_list("organisation_type").annotate(n=Count("pk")).order_by())
    total = sum(counts.values())
    pages = wall_page_count(total)
    grouped = defaultdict(list)
    start = (number - 1) * WALL_PER_PAGE
    if 1 <= number <= pages:
        for row in rows.values(*WALL_FIELDS)[start : start + WALL_PER_PAGE]:
            row["pledge_label"] = PledgeLevel(row["pledge_level"]).label
            grouped[row["organisation_type"]].append(row)
    types, before = [], 0
    for key, label in OrganisationType.choices:
        if not counts.get(key):
            continue
        types.append(
            {
                "key": key,
                "label": label,
                "count": counts[key],
                "endorsements": grouped[key],
                # Where the type's first endorser is, for the list of types on every page.
                "first_page": before // WALL_PER_PAGE + 1,
                "on_this_page": bool(grouped[key]),
            }
        )
        before += counts[key]
    return {
        "types": types,
        "groups": [t for t in types if t["on_this_page"]],
        "number": number,
        "pages": pages,
        "total": total,
        "previous": number - 1 if number > 1 else None,
        "next": number + 1 if number < pages else None,
    }


def wall(day: DayOfActionPage, query: str = "") -> list[dict]:
    """The groups on the wall's first page, each with its count over the whole wall."""
    return wall_page(day, query)["types"]


def over_time(day_id: int) -> list[tuple[datetime, int]]:
    """Cumulative approved endorsements per day, or per hour when they span two days or less.

    The span comes from MIN/MAX over the (day, status, approved_at) index, so the GROUP BY
    returns a few dozen rows rather than one per hour of a long campaign.
    """
    approved = Endorsement.objects.filter(
        day_id=day_id, status=Endorsement.Status.APPROVED, approved_at__isnull=False
    )
    span = approved.aggregate(first=Min("approved_at"), last=Max("approved_at"))
    if span["first"] is None:
        return []
    hourly = span["last"] - span["first"] <= timedelta(days=2)
    trunc, step = (TruncHour, timedelta(hours=1)) if hourly else (TruncDate, timedelta(days=1))
    rows = (
        approved.annotate(bucket=trunc("approved_at"))
        .values_list("bucket")
        .annotate(n=Count("pk"))
        .order_by("bucket")
    )
    running, points = 0, []
    for bucket, n in rows:
        if not isinstance(bucket, datetime):
            bucket = datetime(bucket.year, bucket.month, bucket.day)
        if not points:
            points.append((bucket - step, 0))  # the line starts from nothing
        running += n
        points.append((bucket, running))
    return points


# Approvals, rejections, withdrawals and imports move the version on at once; a brand-new
# unconfirmed submission does not, so its count may lag by up to this long.
DASHBOARD_SECONDS = 10


def dashboard_data(day_id: int) -> dict:
    """The dashboard's numbers (keys, no labels), cached under the day's version: any write
    through the services moves the version on, so a cached copy is never out of date for
    long, and an organizer refreshing the page doesn't rerun the queries."""
    key = f"campaigns:dashboard:{day_id}:{cache_version(day_id)}"
    data = cache.get(key)
    if data is None:
        data = {
            "grouped": grouped_approved(day_id, GROUPINGS),
            "status_counts": dict(
                Endorsement.objects.filter(day_id=day_id)
                .values_list("status")
                .annotate(n=Count("pk"))
                .order_by()
            ),
            "over_time": over_time(day_id),
            "rollup": affiliation_rollup(day_id),
        }
        cache.set(key, data, DASHBOARD_SECONDS)
    return data


def dashboard(day: DayOfActionPage, *, fresh: bool = False) -> dict:
    """Everything the organizer dashboard shows, in a few GROUP BY queries."""
    day_id = day.source_day.pk
    if fresh:
        cache.delete(f"campaigns:dashboard:{day_id}:{cache_version(day_id)}")
    data = dashboard_data(day_id)
    grouped = data["grouped"]
    tally = label_tally(_tally_from(grouped))
    status_counts = data["status_counts"]
    names = unions.affiliation_short_names()
    by_affiliation = [
        {
            "key": row["key"] or "",
            "label": names.get(row["key"]) or _("No known affiliation"),
            "endorsements": row["n"],
            "members_represented": row["members"],
        }
        for row in grouped["affiliation_id"]
    ]
    by_affiliation.sort(key=lambda item: (-item["endorsements"], item["label"]))
    return {
        "tally": tally,
        "status_counts": {
            str(label): status_counts.get(key, 0) for key, label in Endorsement.Status.choices
        },
        "by_affiliation": by_affiliation,
        "over_time": data["over_time"],
        "rollup": data["rollup"],
    }


def affiliation_rollup(day_id: int) -> list[dict]:
    """Per affiliation: its endorsements in (approved) and pending, and who they are.

    It counts what "By affiliation" counts (endorsements by their affiliation, unlisted
    locals and councils included), so the two tables agree; "known locals" is how many
    of the affiliation's locals are on file, for scale.
    """
    local_totals = unions.local_counts_by_affiliation()
    rows = (
        Endorsement.objects.filter(day_id=day_id, affiliation__isnull=False)
        .live()
        .values_list(
            "affiliation_id", "local_number", "organisation_name", "status", "members_represented"
        )
        .order_by("affiliation_id", "local_number", "organisation_name")
    )
    per_affiliation: dict[int, dict] = {}
    for affiliation_id, number, name, status, members in rows:
        entry = per_affiliation.setdefault(affiliation_id, {"in": [], "pending": [], "members": 0})
        who = number or name
        if status == Endorsement.Status.APPROVED:
            entry["in"].append(who)
            entry["members"] += members or 0
        else:
            entry["pending"].append(who)
    out = []
    shown = set(local_totals) | set(per_affiliation)
    for affiliation in unions.affiliations_among(shown):
        entry = per_affiliation.get(affiliation.pk, {"in": [], "pending": [], "members": 0})
        out.append(
            {
                "affiliation": str(affiliation),
                "name": affiliation.name,
                "locals": local_totals.get(affiliation.pk, 0),
                "locals_in": entry["in"],
                "locals_pending": entry["pending"],
                "members": entry["members"],
            }
        )
    out.sort(key=lambda item: (-len(item["locals_in"]), item["name"]))
    return out


def review_queue(day: DayOfActionPage, criteria: dict | None) -> QuerySet[Endorsement]:
    """The moderation queue's endorsements for the review filters' `criteria` (a
    ReviewFilterForm's cleaned data); without valid criteria, those waiting for review."""
    # The filter fields are CharFields, which already refuse NUL characters.
    rows = Endorsement.objects.filter(day=day).select_related("affiliation")
    if criteria is None:
        return rows.filter(status=Endorsement.Status.PENDING_REVIEW)
    data = criteria
    if data["status"]:
        rows = rows.filter(status=data["status"])
    if data["organisation_type"]:
        rows = rows.filter(organisation_type=data["organisation_type"])
    if data["pledge_level"]:
        rows = rows.filter(pledge_level=data["pledge_level"])
    if data["region"]:
        rows = rows.filter(region__iexact=data["region"].strip())
    if data["affiliation"]:
        term = data["affiliation"].strip()
        rows = rows.filter(
            Q(affiliation_name__icontains=term) | Q(affiliation__short_name__iexact=term)
        )
    if data["q"]:
        term = data["q"].strip()
        rows = rows.filter(
            Q(organisation_name__icontains=term)
            | Q(city__icontains=term)
            | Q(contact_name__icontains=term)
            | Q(contact_email__icontains=term)
        )
    return rows


EXPORT_COLUMNS = [
    ("organisation_name", "organisation"),
    ("organisation_type", "type"),
    ("affiliation_name", "affiliation"),
    ("local_number", "local_number"),
    ("city", "city"),
    ("region", "region"),
    ("members_represented", "members_represented"),
    ("pledge_level", "pledge_level"),
    ("statement", "statement"),
    ("contact_name", "contact_name"),
    ("contact_title", "contact_title"),
    ("contact_email", "contact_email"),
    ("contact_consent", "contact_consent"),
    ("status", "status"),
    ("submitted_at", "submitted_at"),
    ("approved_at", "approved_at"),
]


def export_rows(day: DayOfActionPage, status: str = "") -> tuple[list[str], Iterator[tuple]]:
    """The header and rows of the endorsements export (core.exports writes them); a contact's
    email only with their consent."""
    rows = Endorsement.objects.filter(day=day.source_day).order_by("submitted_at", "pk")
    if status:
        rows = rows.filter(status=status)
    header = [header for _field, header in EXPORT_COLUMNS]
    values = rows.values_list(*[field for field, _header in EXPORT_COLUMNS]).iterator(2000)
    return header, (_consented(row) for row in values)


def contact_email_leaving(*, email: str | None, consent: bool) -> str:
    """An endorsement contact's email for anything that leaves Union Hall (an export, the
    API): only when they ticked "the local may contact me", else ""."""
    return (email or "") if consent else ""


_FIELDS = [field for field, _header in EXPORT_COLUMNS]
_EMAIL_AT, _CONSENT_AT = _FIELDS.index("contact_email"), _FIELDS.index("contact_consent")


def _consented(row: tuple) -> tuple:
    """A file leaves Union Hall: the contact's email only when they agreed to be contacted
    (the name stays, so an organizer knows whom the local already knows)."""
    consent = row[_CONSENT_AT]
    row = list(row)
    row[_EMAIL_AT] = contact_email_leaving(email=row[_EMAIL_AT], consent=consent)
    row[_CONSENT_AT] = "yes" if consent else "no"
    return tuple(row)
