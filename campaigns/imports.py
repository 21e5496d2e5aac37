"""Reading the spreadsheet organizers already keep: a preview first, then all rows or none."""

import csv
import dataclasses
import functools
import io
from dataclasses import dataclass, field

from django.core import signing
from django.utils import translation
from django.utils.translation import gettext as _

from core.exports import unneutralise
from unions import selectors as unions

from .forms import ImportRowForm
from .identity import fold, identify
from .models import DayOfActionPage, Endorsement, OrganisationType, PledgeLevel
from .services import IMPORT_KEEP_STATUS, EndorsementData

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
    # The keys as the export writes them ("union_local") and as people type them.
    out = {fold(key): key for key in choices.values}
    out.update({fold(key.replace("_", " ")): key for key in choices.values})
    for language in ("en", "es"):
        with translation.override(language):
            out.update({fold(str(label)): key for key, label in choices.choices})
    out.update(EXTRA_TYPE_WORDS if kind == "type" else EXTRA_PLEDGE_WORDS)
    return out


# What the status column may say: the keys the export writes, the English and Spanish
# labels, and the words organizers use. A status maps to what an import does with the row:
# - approved, pending review: the row is imported with that status;
# - pending confirmation: a matching endorsement keeps its status (the contact has not
#   confirmed, and the sheet does not say otherwise); a new row waits for review, since
#   the organizer vouches for it;
# - rejected, withdrawn: history, kept out of the tallies. Such a row is skipped, so
#   re-importing an export neither revives it nor disturbs the organisation's live row.
KEEP_STATUS = IMPORT_KEEP_STATUS
SKIP = "skip"
STATUS_MEANING = {
    Endorsement.Status.APPROVED: Endorsement.Status.APPROVED,
    Endorsement.Status.PENDING_REVIEW: Endorsement.Status.PENDING_REVIEW,
    Endorsement.Status.PENDING_CONFIRMATION: KEEP_STATUS,
    Endorsement.Status.REJECTED: SKIP,
    Endorsement.Status.WITHDRAWN: SKIP,
}
EXTRA_STATUS_WORDS = {
    "": Endorsement.Status.APPROVED,
    "pending": Endorsement.Status.PENDING_REVIEW,
}


@functools.cache
def status_words() -> dict[str, str]:
    out = {}
    for key in Endorsement.Status.values:
        out[fold(key)] = out[fold(key.replace("_", " "))] = key
    for language in ("en", "es"):
        with translation.override(language):
            out.update({fold(str(label)): key for key, label in Endorsement.Status.choices})
    out.update(EXTRA_STATUS_WORDS)
    return out


@dataclass
class ImportRow:
    line: int
    values: dict
    errors: list[str] = field(default_factory=list)
    data: EndorsementData | None = None
    status: str = ""
    match: Endorsement | None = None
    identity_key: str = ""
    skipped: bool = False


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
    def to_import(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.errors and not r.skipped]

    @property
    def new_count(self) -> int:
        return sum(1 for r in self.to_import if r.match is None)

    @property
    def update_count(self) -> int:
        return sum(1 for r in self.to_import if r.match is not None)

    @property
    def skipped_count(self) -> int:
        return sum(1 for r in self.rows if not r.errors and r.skipped)


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
    # Only the delimiter is guessed, from the header row. csv.Sniffer also guesses the
    # quote character, and takes the apostrophe the export puts before a formula-like
    # cell for one, splitting rows in the wrong places.
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)  # "," when the line has none of them
    reader = csv.reader(io.StringIO(text), csv.excel, delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return ImportPreview(rows=[], errors=[_("The file is empty.")])
    columns = [HEADER_LOOKUP.get(fold(unneutralise(h)).replace("_", " ")) for h in header]
    # The column's name as the file spells it, for error messages.
    headings = {name: h.strip() for name, h in zip(columns, header, strict=True) if name}
    if "organisation_name" not in columns:
        return ImportPreview(
            rows=[],
            errors=[_("No “organisation” column: the first row must hold the column names.")],
        )
    rows: list[ImportRow] = []
    affiliations = unions.affiliations()
    try:
        for line, record in enumerate(reader, start=2):
            if not any(cell.strip() for cell in record):
                continue
            if len(rows) >= MAX_ROWS:
                return ImportPreview(
                    rows=[], errors=[_("At most %(n)s rows at a time.") % {"n": MAX_ROWS}]
                )
            # The export puts an apostrophe before a cell a spreadsheet would run as a
            # formula; it is not part of the value.
            values = {
                name: unneutralise(cell.strip()).strip()
                for name, cell in zip(columns, record, strict=False)
                if name
            }
            rows.append(_check_row(day, line, values, headings, affiliations))
    except csv.Error as error:
        return ImportPreview(
            rows=[], errors=[_("The file could not be read: %(e)s") % {"e": error}]
        )
    seen: dict[str, int] = {}
    for row in rows:
        if row.errors or row.skipped or not row.identity_key:
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
    present = {name for name in columns if name}
    for row in rows:
        if not row.errors and not row.skipped:
            row.match = matches.get(row.identity_key)
            if row.match is not None:
                row.data = _keep_absent_columns(row.data, row.match, present)
    return ImportPreview(rows=rows, errors=[] if rows else [_("The file has no rows.")])


def _keep_absent_columns(
    data: EndorsementData, match: Endorsement, present: set
) -> EndorsementData:
    """A sheet without a column (no contact title, say) leaves that value as it is, and so
    does a blank contact email."""
    kept = {
        f.name: getattr(match, f.name)
        for f in dataclasses.fields(EndorsementData)
        if f.name not in present and f.name != "organisation_name"
    }
    if "contact_email" in present and not data.contact_email:
        # An export leaves the address blank for a contact who did not agree to be
        # contacted: re-importing it keeps the address rather than erasing it.
        kept["contact_email"] = match.contact_email
    return dataclasses.replace(data, **kept)


def _check_row(
    day: DayOfActionPage, line: int, values: dict, headings: dict, affiliations: list
) -> ImportRow:
    row = ImportRow(line=line, values=values)

    def error(name: str, message) -> None:
        # Row, column (as the file names it) and value, so the organizer finds the cell.
        if name not in headings and name not in form.fields:
            row.errors.append(_("Row %(line)s: %(message)s") % {"line": line, "message": message})
            return
        column = headings.get(name) or form.fields[name].label or name
        row.errors.append(
            _("Row %(line)s, column “%(column)s”, value “%(value)s”: %(message)s")
            % {"line": line, "column": column, "value": values.get(name, ""), "message": message}
        )

    form_data = dict(values)
    type_text = fold(values.get("organisation_type", ""))
    form_data["organisation_type"] = words("type").get(type_text, type_text)
    pledge_text = fold(values.get("pledge_level", ""))
    form_data["pledge_level"] = words("pledge").get(pledge_text, pledge_text)
    status_key = status_words().get(fold(values.get("status", "")))
    meaning = STATUS_MEANING.get(status_key, "")
    form_data["status"] = (
        Endorsement.Status.PENDING_REVIEW if meaning in (KEEP_STATUS, SKIP) else meaning
    )
    members = values.get("members_represented", "").replace(",", "").replace(" ", "")
    form_data["members_represented"] = members
    form = ImportRowForm(form_data, day=day)
    if status_key is None:
        form.is_valid()
        error(
            "status",
            _(
                "not a status. Use approved, pending review, pending confirmation, rejected or "
                "withdrawn."
            ),
        )
    if not form.is_valid():
        for name, messages in form.errors.items():
            if name == "status" and status_key is None:
                continue  # said above, in words that fit
            for message in messages:
                error(name, message)
    if row.errors:
        return row
    row.data = form.to_data()
    row.status = KEEP_STATUS if meaning == KEEP_STATUS else form.cleaned_data["status"]
    row.skipped = meaning == SKIP
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
