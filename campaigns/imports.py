"""Reading the spreadsheet organizers already keep: a preview first, then all rows or none."""

import csv
import functools
import io
from dataclasses import dataclass, field

from django.core import signing
from django.utils import translation
from django.utils.translation import gettext as _

from unions.models import Affiliation

from .forms import ImportRowForm
from .identity import fold, identify
from .models import DayOfActionPage, Endorsement, OrganisationType, PledgeLevel
from .services import EndorsementData

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
SIGNING_SALT = "campaigns.import"

HEADERS = {
    "organisation_name": {
        "organisation",
        "organization",
        "organisation name",
        "organization name",
        "name",
        "org",
    },
    "organisation_type": {"type", "organisation type", "organization type", "kind"},
    "affiliation_name": {"affiliation", "union", "international"},
    "local_number": {"local number", "local", "local no", "number"},
    "city": {"city", "town"},
    "region": {"region", "state", "region or state", "province"},
    "members_represented": {"members represented", "members", "membership"},
    "pledge_level": {"pledge level", "pledge"},
    "statement": {"statement", "public statement"},
    "contact_name": {"contact name", "contact"},
    "contact_title": {"contact title", "title"},
    "contact_email": {"contact email", "email"},
    "status": {"status"},
}
HEADER_LOOKUP = {alias: name for name, aliases in HEADERS.items() for alias in aliases}
HEADER_LOOKUP.update({name.replace("_", " "): name for name in HEADERS})

EXTRA_TYPE_WORDS = {
    "local": OrganisationType.UNION_LOCAL,
    "union": OrganisationType.UNION_LOCAL,
    "council": OrganisationType.LABOR_COUNCIL,
    "labour council": OrganisationType.LABOR_COUNCIL,
    "community organization": OrganisationType.COMMUNITY,
    "faith": OrganisationType.FAITH,
    "student": OrganisationType.STUDENT,
    "student organization": OrganisationType.STUDENT,
}
EXTRA_PLEDGE_WORDS = {
    "endorsement": PledgeLevel.ENDORSE,
    "promote": PledgeLevel.PROMOTE,
    "mobilise": PledgeLevel.MOBILIZE,
    "mobilize": PledgeLevel.MOBILIZE,
    "strike": PledgeLevel.JOB_ACTION,
}


@functools.cache
def words(kind: str) -> dict[str, str]:
    """Spreadsheet spellings of a type or pledge: its key, its English or Spanish label."""
    choices = OrganisationType if kind == "type" else PledgeLevel
    out = {fold(key.replace("_", " ")): key for key in choices.values}
    for language in ("en", "es"):
        with translation.override(language):
            out.update({fold(str(label)): key for key, label in choices.choices})
    out.update(EXTRA_TYPE_WORDS if kind == "type" else EXTRA_PLEDGE_WORDS)
    return out


STATUS_WORDS = {
    "": Endorsement.Status.APPROVED,
    "approved": Endorsement.Status.APPROVED,
    "pending": Endorsement.Status.PENDING_REVIEW,
    "pending review": Endorsement.Status.PENDING_REVIEW,
}


@dataclass
class ImportRow:
    line: int
    values: dict
    errors: list[str] = field(default_factory=list)
    data: EndorsementData | None = None
    status: str = ""
    match: Endorsement | None = None
    identity_key: str = ""


@dataclass
class ImportPreview:
    rows: list[ImportRow]
    errors: list[str]  # problems with the file itself

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows) and not any(r.errors for r in self.rows)

    @property
    def error_count(self) -> int:
        return sum(1 for r in self.rows if r.errors)

    @property
    def new_count(self) -> int:
        return sum(1 for r in self.rows if not r.errors and r.match is None)

    @property
    def update_count(self) -> int:
        return sum(1 for r in self.rows if not r.errors and r.match is not None)


def decode(raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise ValueError(_("The file is larger than 2 MB."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError(_("The file is not text; save the sheet as CSV UTF-8."))


def preview(day: DayOfActionPage, text: str) -> ImportPreview:
    day = day.source_day
    if "\x00" in text:
        return ImportPreview(
            rows=[], errors=[_("The file is not text; save the sheet as CSV UTF-8.")]
        )
    try:
        sample = text[:4096]
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return ImportPreview(rows=[], errors=[_("The file is empty.")])
    columns = [HEADER_LOOKUP.get(fold(h).replace("_", " ")) for h in header]
    if "organisation_name" not in columns:
        return ImportPreview(
            rows=[],
            errors=[_("No “organisation” column: the first row must hold the column names.")],
        )
    rows: list[ImportRow] = []
    affiliations = list(Affiliation.objects.all())
    try:
        for line, record in enumerate(reader, start=2):
            if not any(cell.strip() for cell in record):
                continue
            if len(rows) >= MAX_ROWS:
                return ImportPreview(
                    rows=[], errors=[_("At most %(n)s rows at a time.") % {"n": MAX_ROWS}]
                )
            values = {
                name: cell.strip() for name, cell in zip(columns, record, strict=False) if name
            }
            rows.append(_check_row(day, line, values, affiliations))
    except csv.Error as error:
        return ImportPreview(
            rows=[], errors=[_("The file could not be read: %(e)s") % {"e": error}]
        )
    seen: dict[str, int] = {}
    for row in rows:
        if row.errors or not row.identity_key:
            continue
        if row.identity_key in seen:
            row.errors.append(
                _("Same organisation as row %(line)s.") % {"line": seen[row.identity_key]}
            )
        else:
            seen[row.identity_key] = row.line
    matches = {
        e.identity_key: e
        for e in Endorsement.objects.filter(day=day, identity_key__in=list(seen)).live()
    }
    for row in rows:
        if not row.errors:
            row.match = matches.get(row.identity_key)
    return ImportPreview(rows=rows, errors=[] if rows else [_("The file has no rows.")])


def _check_row(day: DayOfActionPage, line: int, values: dict, affiliations: list) -> ImportRow:
    row = ImportRow(line=line, values=values)
    form_data = dict(values)
    type_text = fold(values.get("organisation_type", ""))
    form_data["organisation_type"] = words("type").get(type_text, type_text)
    pledge_text = fold(values.get("pledge_level", ""))
    form_data["pledge_level"] = words("pledge").get(pledge_text, pledge_text)
    form_data["status"] = STATUS_WORDS.get(fold(values.get("status", "")), "?")
    members = values.get("members_represented", "").replace(",", "").replace(" ", "")
    form_data["members_represented"] = members
    form = ImportRowForm(form_data, day=day)
    if not form.is_valid():
        for name, messages in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for message in messages:
                row.errors.append(f"{label}: {message}" if label else str(message))
        return row
    row.data = form.to_data()
    row.status = form.cleaned_data["status"]
    cleaned = row.data.cleaned()
    row.identity_key = identify(
        organisation_name=cleaned.organisation_name,
        affiliation_name=cleaned.affiliation_name,
        local_number=cleaned.local_number,
        city=cleaned.city,
        affiliations=affiliations,
    ).key
    return row


def sign(day: DayOfActionPage, text: str) -> str:
    return signing.dumps({"day": day.pk, "csv": text}, salt=SIGNING_SALT, compress=True)


def unsign(day: DayOfActionPage, payload: str) -> str | None:
    try:
        value = signing.loads(payload, salt=SIGNING_SALT, max_age=3600)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or value.get("day") != day.pk:
        return None
    return value.get("csv")
