"""Reads for data exchange: which token a request carries, and what a local's token may see.

A token sees its own local's petitions and days of action, nothing else. Unlisted petitions
are left out of the API entirely, even for their own local: an unlisted petition exists for
a workplace under surveillance, and a sync job copying it to another system is exactly the
kind of list it was kept off (the organizers have it in Union Hall). Sealed petitions are
listed with their count, and their signatures collection is empty until names unseal.
"""

from django.db.models import QuerySet
from wagtail.models import Locale

from campaigns.models import DayOfActionPage, Endorsement
from petitions import selectors as petition_selectors
from petitions.models import PetitionPage, Signature

from .models import ApiToken, key_hash


def token_for(raw: str) -> ApiToken | None:
    """The live token with this key, or None (unknown and revoked alike)."""
    if not raw or len(raw) > 200:
        return None
    return (
        ApiToken.objects.filter(key_hash=key_hash(raw), revoked_at__isnull=True)
        .select_related("local")
        .first()
    )


def tokens_of(local_ids) -> QuerySet[ApiToken]:
    return (
        ApiToken.objects.filter(local_id__in=local_ids)
        .select_related("local", "created_by")
        .order_by("revoked_at", "-created_at")
    )


def petitions_for(token: ApiToken) -> QuerySet[PetitionPage]:
    """The local's listed, live petitions, as their source pages (the ones signatures are
    filed under)."""
    return (
        PetitionPage.objects.listed()
        .filter(local_id=token.local_id, locale=Locale.get_default())
        .order_by("-first_published_at", "pk")
    )


def signatures_for(petition: PetitionPage) -> QuerySet[Signature]:
    """Signatures that count (confirmed, not withdrawn, not waiting for a condition); none
    while the petition's names are sealed."""
    if not petition_selectors.names_visible(petition):
        return Signature.objects.none()
    return (
        petition_selectors.counted(petition.source_id)
        .select_related("sheet")
        .order_by("confirmed_at", "pk")
    )


def days_for(token: ApiToken) -> QuerySet[DayOfActionPage]:
    return (
        DayOfActionPage.objects.live()
        .public()
        .filter(owner_local_id=token.local_id, locale=Locale.get_default())
        .order_by("-date", "pk")
    )


def organizations_for(token: ApiToken, day: DayOfActionPage | None = None) -> QuerySet:
    """Approved endorsements of the local's days (of one day, when given)."""
    rows = Endorsement.objects.approved().filter(day__in=days_for(token))
    if day is not None:
        rows = rows.filter(day=day)
    return rows.select_related("day").order_by("approved_at", "pk")
