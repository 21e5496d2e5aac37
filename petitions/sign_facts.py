"""What the signing path needs to know about a petition, cached by URL path.

A signature POST to `<petition url>sign/` (petitions.urls) is answered from this small record
instead of walking Wagtail's page tree on every request: which page it is, the source id the
signature is filed under, the open/closed rules of the governing page, the name-display and
department choices and the page's language.

Records carry the version number they were built under. Publishing, unpublishing, moving or
deleting any page bumps the version (one counter for the whole site: those are rare, and a
moved parent changes every path under it), so the next signature rebuilds the record; the TTL
bounds staleness should the counter ever be evicted. A path that is not a signable petition is
remembered as None, so the URL pattern hands it to Wagtail without a second lookup.
"""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import get_language

from core.routing import page_at

from .models import PetitionPage

VERSION_KEY = "petitions:signfacts:version"
TTL_SECONDS = 300


@dataclass(frozen=True)
class SigningFacts:
    pk: int  # the page (in its language) the form was on
    source_id: int
    language: str
    url: str
    signed_url: str
    status: str
    opens_on: datetime.date
    closes_on: datetime.date | None
    allow_full_name: bool
    allow_initial: bool
    department_field: str
    department_choices: tuple[str, ...]
    # (key, label in the page's language): the form shows labels and stores keys.
    department_labels: tuple[tuple[str, str], ...] = ()
    unlisted: bool = False  # the answers carry X-Robots-Tag: noindex
    # Conditional signing (PetitionPage.conditional_signing) and the seal threshold a
    # conditional signature waits for when the signer gives no number.
    conditional_signing: bool = False
    seal_threshold: int | None = None

    @classmethod
    def from_page(cls, page: PetitionPage) -> "SigningFacts":
        rules = page.governing
        return cls(
            pk=page.pk,
            source_id=page.source_id,
            language=page.locale.language_code,
            url=page.url,
            signed_url=page.url + page.reverse_subpage("signed").lstrip("/"),
            status=rules.status,
            opens_on=rules.opens_on,
            closes_on=rules.closes_on,
            allow_full_name=page.allow_full_name,
            allow_initial=page.allow_initial,
            department_field=page.department_field,
            department_choices=tuple(page.department_choices),
            department_labels=tuple(page.department_options(page.locale.language_code)),
            unlisted=page.is_unlisted,
            conditional_signing=rules.conditional_signing,
            seal_threshold=page.seal_count(),
        )

    def is_open(self, today: datetime.date | None = None) -> bool:
        """The same rule as PetitionPage.is_open, from the governing page's facts."""
        today = today or timezone.localdate()
        if self.status != PetitionPage.Status.OPEN or today < self.opens_on:
            return False
        return self.closes_on is None or today <= self.closes_on

    def department_options(self, language: str | None = None) -> list[tuple[str, str]]:
        """As PetitionPage.department_options, in the language the record was made in."""
        return list(self.department_labels)

    def page(self) -> PetitionPage:
        """The page itself, for the slower paths that render it (bad input, refusals)."""
        return PetitionPage.objects.get(pk=self.pk)


def _key(request: HttpRequest, page_path: str) -> str:
    return f"petitions:signfacts:{request.get_host()}:{get_language()}:{page_path}"


def facts_for_path(request: HttpRequest, page_path: str) -> SigningFacts | None:
    """The signing facts of the live petition at `page_path`, or None when that path is not
    one (or is behind a view restriction, which only Wagtail's own serving enforces). One
    cache round trip when the record is fresh."""
    key = _key(request, page_path)
    found = cache.get_many([key, VERSION_KEY])
    # The version is read before the page: a publish in between leaves a stale version
    # number on the record, so the next request rebuilds it.
    version = found.get(VERSION_KEY, 0)
    entry = found.get(key)
    if entry is not None and entry[0] == version:
        return entry[1]
    try:
        page = page_at(request, page_path, PetitionPage, landing="petition")
    except Http404:
        facts = None
    else:
        facts = None if page.get_view_restrictions().exists() else SigningFacts.from_page(page)
    cache.set(key, (version, facts), TTL_SECONDS)
    return facts


def facts_invalidate(**kwargs) -> None:
    """Signal receiver: a page was published, unpublished, moved or deleted."""
    if cache.add(VERSION_KEY, 1, timeout=None):
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, 1, timeout=None)


def connect_signals() -> None:
    from django.db.models.signals import post_delete
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(facts_invalidate, dispatch_uid="petitions-signfacts-published")
    page_unpublished.connect(facts_invalidate, dispatch_uid="petitions-signfacts-unpublished")
    post_page_move.connect(facts_invalidate, dispatch_uid="petitions-signfacts-moved")
    # Page subclasses send post_delete with their own class as sender: listen to all.
    post_delete.connect(_deleted, dispatch_uid="petitions-signfacts-deleted")


def _deleted(sender, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(kwargs.get("instance"), Page):
        facts_invalidate()
