"""Reads of the union's structure (affiliations, locals, roles) that other apps make: they
ask here instead of querying unions.models themselves. Who may do what is in permissions."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, QuerySet
from django.db.models.functions import Lower

from .models import Affiliation, Local, Role
from .permissions import locals_for

User = AbstractBaseUser | AnonymousUser


def affiliations() -> list[Affiliation]:
    """Every affiliation, for matching typed names against (load once per import)."""
    return list(Affiliation.objects.all())


def affiliation_names() -> QuerySet:
    """`(name, short_name)` of every affiliation, by name: the endorse form's suggestions."""
    return Affiliation.objects.order_by("name").values_list("name", "short_name")


def affiliation_short_names() -> dict[int, str]:
    return dict(Affiliation.objects.values_list("pk", "short_name"))


def affiliations_among(ids: set[int]) -> QuerySet[Affiliation]:
    return Affiliation.objects.filter(pk__in=ids).order_by("name")


def local_counts_by_affiliation() -> dict[int, int]:
    """How many locals each affiliation has on file."""
    return dict(Local.objects.values_list("affiliation_id").annotate(n=Count("pk")).order_by())


def local_numbered(affiliation: Affiliation, numbers: set[str]) -> Local | None:
    """The affiliation's local whose number is one of `numbers` (compared lower-cased)."""
    return (
        Local.objects.annotate(number_lower=Lower("number"))
        .filter(affiliation=affiliation, number_lower__in=numbers)
        .first()
    )


def locals_numbered_ending(affiliation: Affiliation, number: str) -> QuerySet[Local]:
    """The affiliation's locals whose number ends with `number` ("0412" for "412")."""
    return Local.objects.filter(affiliation=affiliation, number__iendswith=number)


def locals_organized_by(user: User) -> QuerySet[Local]:
    return locals_for(user, Role.Kind.ORGANIZER)


def locals_acting_for(user: User) -> QuerySet[Local]:
    """The locals where the user is steward or organizer: who may adapt, report, propose
    and see signers (unions.permissions.may_act_for_local)."""
    return locals_for(user, Role.Kind.STEWARD, Role.Kind.ORGANIZER)


def roles_of(user: AbstractBaseUser) -> QuerySet[Role]:
    return Role.objects.filter(user=user).select_related("local__affiliation")
