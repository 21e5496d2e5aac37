"""Who may do what in a local: the questions every app asks before showing or changing data.

Personal data (signers, endorsers' contacts) is shown only to a local's stewards and
organizers, and only once their account has MFA: `may_see_personal_data` answers the
first half, `core.accounts.mfa_setup_redirect` the second.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from .models import Local, Role

User = AbstractBaseUser | AnonymousUser


def locals_for(user: User, *kinds: str) -> QuerySet[Local]:
    """The locals where the user holds any of these roles (any role when none is named)."""
    if not user.is_authenticated:
        return Local.objects.none()
    roles = Role.objects.filter(user=user)
    if kinds:
        roles = roles.filter(kind__in=kinds)
    return Local.objects.filter(pk__in=roles.values("local_id"))


def has_role(user: User, local: Local | int | None, *kinds: str) -> bool:
    if local is None or not user.is_authenticated:
        return False
    local_id = local.pk if isinstance(local, Local) else local
    roles = Role.objects.filter(user=user, local_id=local_id)
    if kinds:
        roles = roles.filter(kind__in=kinds)
    return roles.exists()


def is_steward(user: User, local: Local | int | None) -> bool:
    return has_role(user, local, Role.Kind.STEWARD)


def is_organizer(user: User, local: Local | int | None = None) -> bool:
    """Organizer of this local; with no local, organizer anywhere (days of action span locals)."""
    if local is None:
        return user.is_authenticated and (
            user.is_superuser or Role.objects.filter(user=user, kind=Role.Kind.ORGANIZER).exists()
        )
    return has_role(user, local, Role.Kind.ORGANIZER)


def may_act_for_local(user: User, local: Local | int | None) -> bool:
    """May adapt documents, report votes and propose contract language for this local."""
    return has_role(user, local, Role.Kind.STEWARD, Role.Kind.ORGANIZER)


def may_see_personal_data(user: User, local: Local | int | None) -> bool:
    """May see the signers of this local's petitions. MFA is checked separately."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or has_role(user, local, Role.Kind.STEWARD, Role.Kind.ORGANIZER)


def may_read_notes(user: User) -> bool:
    """Bargaining notes on model contract language are strategy: for stewards, organizers
    and editors only."""
    if not user.is_authenticated:
        return False
    return user.is_staff or Role.objects.filter(user=user).exists()
