"""OSDI 1.2 resources (opensupporter.github.io/osdi-docs): how a petition, a signature, a day
of action, an endorsing organisation and a tag look in HAL+JSON, and the paged collection
envelope around them.

Privacy rules applied here, for every resource:
- a signer's name only as they chose to show it (petitions.models.display_name; "not at
  all" gives no name), and no name at all while the petition is sealed (selectors);
- an email only when its owner ticked "the local may contact me" (contact_consent);
- an endorsement's contact (name and email) only with that consent;
- department, language and anything else a signer gave stay in Union Hall.
"""

import datetime
import math
import zoneinfo

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from wagtail.rich_text import expand_db_html

from campaigns import selectors as campaign_selectors
from campaigns.models import DayOfActionPage, Endorsement, OrganisationType, PledgeLevel
from petitions import selectors as petition_selectors
from petitions.models import PetitionPage, Signature, display_name

SYSTEM = "unionhall"
ORIGIN = "Union Hall"
OSDI_VERSION = "1.2"
DOCS = "https://opensupporter.github.io/osdi-docs/{rel}"
PER_PAGE = 25
MAX_PER_PAGE = 100


def identifier(kind: str, pk) -> str:
    return f"{SYSTEM}:{kind}-{pk}"


def stamp(value: datetime.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(datetime.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class Links:
    """Absolute API addresses for one request's host."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def href(self, name: str, *args) -> dict:
        return {"href": self.request.build_absolute_uri(reverse(f"exchange:{name}", args=args))}

    def curies(self) -> list[dict]:
        return [{"name": "osdi", "href": DOCS, "templated": True}]


def entry_point(links: Links) -> dict:
    return {
        "motd": "Union Hall: a local's petitions and days of action, read-only.",
        "vendor_name": "Union Hall",
        "product_name": "Union Hall",
        "osdi_version": OSDI_VERSION,
        "max_pagesize": MAX_PER_PAGE,
        "namespace": SYSTEM,
        "_links": {
            "curies": links.curies(),
            "self": {**links.href("aep"), "title": "This API entry point"},
            "osdi:petitions": {
                **links.href("petitions"),
                "title": "The collection of this local's petitions",
            },
            "osdi:events": {
                **links.href("events"),
                "title": "The collection of this local's days of action",
            },
            "osdi:organizations": {
                **links.href("organizations"),
                "title": "The organisations that endorsed this local's days of action",
            },
            "osdi:tags": {**links.href("tags"), "title": "Organisation types and pledge levels"},
        },
    }


def petition(page: PetitionPage, links: Links, *, total: int) -> dict:
    # A petition with a code name is called by it outside its own page, and its addressee
    # is not named (the employer may read whatever system this is copied into).
    coded = bool(page.public_title)
    return {
        "identifiers": [identifier("petition", page.pk)],
        "origin_system": ORIGIN,
        "created_date": stamp(page.first_published_at),
        "modified_date": stamp(page.last_published_at or page.first_published_at),
        "name": page.slug,
        "title": page.shown_title,
        "description": page.summary,
        "petition_text": expand_db_html(page.demand),
        "target": [] if coded else [{"name": page.addressed_to}],
        "total_signatures": total,
        "browser_url": settings.SITE_URL + (page.url or ""),
        "_links": {
            "self": links.href("petition", page.pk),
            "osdi:signatures": links.href("signatures", page.pk),
        },
    }


def person(signature: Signature) -> dict:
    """The signer as they chose to be shown, and their email only with consent."""
    shown = display_name(signature.name, signature.name_display).split()
    found: dict = {}
    if shown:
        found["given_name"] = shown[0]
        if len(shown) > 1:
            found["family_name"] = " ".join(shown[1:])
    email = petition_selectors.email_leaving(signature)
    if email:
        found["email_addresses"] = [{"address": email, "primary": True}]
    return found


def signature(item: Signature, page: PetitionPage, links: Links) -> dict:
    result = {
        "identifiers": [identifier("signature", item.pk)],
        "origin_system": ORIGIN,
        "created_date": stamp(item.created_at),
        "modified_date": stamp(item.confirmed_at or item.created_at),
        "action_date": stamp(item.created_at),
        "_links": {
            "self": links.href("signature", page.pk, item.pk),
            "osdi:petition": links.href("petition", page.pk),
        },
    }
    if item.source == Signature.Source.PAPER:
        referrer = {"source": "paper"}
        if item.sheet is not None:
            referrer["referrer"] = f"sheet-{item.sheet.number}"
        result["referrer_data"] = referrer
    found = person(item)
    if found:
        result["_embedded"] = {"osdi:person": found}
    return result


def event(day: DayOfActionPage, links: Links) -> dict:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    start = datetime.datetime.combine(day.date, datetime.time.min, tzinfo=zone)
    return {
        "identifiers": [identifier("event", day.pk)],
        "origin_system": ORIGIN,
        "created_date": stamp(day.first_published_at),
        "modified_date": stamp(day.last_published_at or day.first_published_at),
        "name": day.slug,
        "title": day.title,
        "summary": day.intro,
        "description": expand_db_html(day.call),
        "browser_url": settings.SITE_URL + (day.url or ""),
        "type": "open",
        "status": "confirmed",
        "visibility": "public",
        "all_day": True,
        "all_day_date": day.date.isoformat(),
        # A day of action has a date, not an hour: it starts at midnight where the site is.
        "start_date": start.isoformat(),
        "timezone_identifier": settings.TIME_ZONE,
        "_links": {
            "self": links.href("event", day.pk),
            "osdi:organizations": links.href("event_organizations", day.pk),
        },
    }


def tag_list() -> list[tuple[str, str]]:
    """Every tag: (id, name). One per organisation type and per pledge level, named in
    English (tags are for systems, not for a reader's language)."""
    with translation.override("en"):
        return [
            (f"type-{value}", f"Organisation type: {label}")
            for value, label in OrganisationType.choices
        ] + [(f"pledge-{value}", f"Pledge: {label}") for value, label in PledgeLevel.choices]


def tag(tag_id: str, name: str, links: Links) -> dict:
    return {
        "identifiers": [identifier("tag", tag_id)],
        "origin_system": ORIGIN,
        "name": name,
        "_links": {"self": links.href("tag", tag_id)},
    }


def organization(item: Endorsement, links: Links) -> dict:
    names = dict(tag_list())
    taggings = []
    for tag_id in (f"type-{item.organisation_type}", f"pledge-{item.pledge_level}"):
        taggings.append(
            {
                "item_type": "osdi:organization",
                "tag_name": names.get(tag_id, tag_id),
                "_links": {"osdi:tag": links.href("tag", tag_id)},
            }
        )
    custom = {
        "organisation_type": item.organisation_type,
        "pledge_level": item.pledge_level,
    }
    if item.members_represented is not None:
        custom["members_represented"] = str(item.members_represented)
    result = {
        "identifiers": [identifier("organization", item.pk)],
        "origin_system": ORIGIN,
        "created_date": stamp(item.submitted_at),
        "modified_date": stamp(item.updated_at),
        "name": item.organisation_name,
        "organization": item.organisation_name,
        "type": item.organisation_type,
        "description": item.statement,
        "postal_addresses": [{"locality": item.city, "region": item.region}],
        "custom_fields": custom,
        "_links": {
            "self": links.href("organization", item.pk),
            "osdi:event": links.href("event", item.day_id),
        },
        "_embedded": {"osdi:taggings": taggings},
    }
    # The contact stays in Union Hall unless they agreed to be contacted.
    email = campaign_selectors.contact_email_leaving(
        email=item.contact_email, consent=item.contact_consent
    )
    if email:
        result["email_addresses"] = [{"address": email, "primary": True}]
        custom["contact_name"] = item.contact_name
    return result


def collection(
    request: HttpRequest, rel: str, *, items: list[dict], total: int, page: int, per_page: int
) -> dict:
    """The paging envelope: page, per_page, total_records, total_pages, and self / next /
    prev links that keep the other query parameters."""
    pages = max(1, math.ceil(total / per_page))

    def at(number: int) -> dict:
        query = request.GET.copy()
        query["page"] = str(number)
        query["per_page"] = str(per_page)
        return {"href": request.build_absolute_uri(request.path) + "?" + query.urlencode()}

    links: dict = {
        "self": at(page),
        "curies": [{"name": "osdi", "href": DOCS, "templated": True}],
        f"osdi:{rel}": [item["_links"]["self"] for item in items],
    }
    if page < pages:
        links["next"] = at(page + 1)
    if page > 1:
        links["prev"] = at(min(page - 1, pages))
    return {
        "total_pages": pages,
        "per_page": per_page,
        "page": page,
        "total_records": total,
        "_links": links,
        "_embedded": {f"osdi:{rel}": items},
    }
