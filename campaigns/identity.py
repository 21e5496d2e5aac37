"""Who an endorsing organisation is: one identity key however its name was typed.

A union local is the same organisation whether it writes "UHCW Local 1017",
"United Hospital and Care Workers, local #1017" or picks the affiliation and types
"1017". Known locals (unions.Local) are matched through their affiliation and number;
an unknown local of a known affiliation by affiliation and number; anything else by
its normalized name and city.
"""

import re
import unicodedata
from dataclasses import dataclass

from unions import selectors as unions
from unions.models import Affiliation, Local

LOCAL_NUMBER_IN_NAME = re.compile(
    r"\blocal\s*(?:no\.?|number|#)?\s*#?\s*([0-9][0-9a-z-]{0,19})\b", re.I
)
NUMBER_CLEAN = re.compile(r"[^0-9a-z-]")
NOISE_WORDS = {"the", "of", "and", "inc", "llc", "el", "la", "los", "las", "de", "del", "y"}


def fold(text: str) -> str:
    """Lower case, no accents, '&' as 'and', punctuation as spaces, single spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("&", " and ")
    # "Mary's" and "Marys" are the same word; other punctuation separates words.
    text = re.sub(r"['’`´]", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def normalize_name(name: str) -> str:
    words = [w for w in fold(name).split() if w not in NOISE_WORDS]
    return " ".join(words)


def normalize_number(number: str) -> str:
    """'Local #0412' -> '412'; letters kept ('1199w' stays '1199w')."""
    text = fold(number)
    text = re.sub(r"^(local|loc|no|number)\s*", "", text)
    text = NUMBER_CLEAN.sub("", text)
    return text.lstrip("0") or text


@dataclass(frozen=True)
class Identity:
    key: str
    local: Local | None
    affiliation: Affiliation | None


def find_affiliation(typed: str, affiliations=None) -> Affiliation | None:
    """A known affiliation by its name or short name, however it is capitalised or accented."""
    wanted = fold(typed)
    if not wanted:
        return None
    # The table is small (dozens of rows); matching in Python lets accents and punctuation
    # differ, which a database lookup would not.
    for affiliation in affiliations if affiliations is not None else Affiliation.objects.all():
        if wanted in (fold(affiliation.name), fold(affiliation.short_name)):
            return affiliation
    return None


def affiliation_in_name(name: str, affiliations=None) -> Affiliation | None:
    """The affiliation named inside an organisation's name ('UHCW Local 1017')."""
    folded = f" {fold(name)} "
    best = None
    for affiliation in affiliations if affiliations is not None else Affiliation.objects.all():
        for label in (affiliation.short_name, affiliation.name):
            label = fold(label)
            if label and f" {label} " in folded and (best is None or len(label) > best[1]):
                best = (affiliation, len(label))
    return best[0] if best else None


def identify(
    *,
    organisation_name: str,
    affiliation_name: str,
    local_number: str,
    city: str,
    affiliations: list[Affiliation] | None = None,
) -> Identity:
    """`affiliations` lets a caller identifying many rows (an import) load them once."""
    if affiliations is None:
        affiliations = unions.affiliations()
    affiliation = find_affiliation(affiliation_name, affiliations) or affiliation_in_name(
        organisation_name, affiliations
    )
    number = normalize_number(local_number)
    if not number:
        found = LOCAL_NUMBER_IN_NAME.search(organisation_name or "")
        number = normalize_number(found.group(1)) if found else ""
    if affiliation is not None and number:
        local = unions.local_numbered(
            affiliation, {number, number.lower(), local_number.strip().lower()}
        )
        if local is None:
            # Numbers stored with leading zeros ("0412") still match "412".
            for candidate in unions.locals_numbered_ending(affiliation, number):
                if normalize_number(candidate.number) == number:
                    local = candidate
                    break
        if local is not None:
            return Identity(key=f"local:{local.pk}", local=local, affiliation=affiliation)
        return Identity(
            key=f"affiliation:{affiliation.pk}:{number}", local=None, affiliation=affiliation
        )
    key = f"name:{normalize_name(organisation_name)}|{normalize_name(city)}"
    return Identity(key=key[:400], local=None, affiliation=affiliation)


US_STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "PR": "Puerto Rico",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
}
STATE_NAMES = {fold(name): name for name in US_STATES.values()}


def clean_region(region: str) -> str:
    """One spelling per region, so the tally by region doesn't split 'CA' from 'california'."""
    text = " ".join((region or "").split())
    if text.upper().replace(".", "") in US_STATES:
        return US_STATES[text.upper().replace(".", "")]
    return STATE_NAMES.get(fold(text), text)


def clean_text(text: str) -> str:
    return " ".join((text or "").split())
