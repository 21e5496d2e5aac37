"""Factories shared by every app's tests."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from unions.models import Affiliation, Local, Role, Workplace

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """A verified primary address, as allauth requires before login."""
        if create:
            self.save()
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )

    @factory.post_generation
    def mfa(self, create, extracted, **kwargs):
        """`UserFactory(mfa=True)` turns TOTP on for the account."""
        if create and extracted:
            from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

            TOTP.activate(self, generate_totp_secret())


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    name = factory.Sequence(lambda n: f"Amalgamated Workers Union {n}")
    short_name = factory.Sequence(lambda n: f"AWU{n}")


class LocalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Local

    affiliation = factory.SubFactory(AffiliationFactory)
    number = factory.Sequence(lambda n: str(100 + n))
    name = factory.Sequence(lambda n: f"Riverside Workers {n}")
    city = "Riverside"
    region = "Oregon"
    members = 500


class WorkplaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workplace

    employer = factory.Sequence(lambda n: f"Acme Fulfilment {n}")
    site = "North warehouse"
    city = "Riverside"
    local = factory.SubFactory(LocalFactory)


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    user = factory.SubFactory(UserFactory)
    local = factory.SubFactory(LocalFactory)
    kind = Role.Kind.STEWARD


def steward(local: Local | None = None, *, mfa: bool = True):
    """A steward of `local` (a new one if none), with MFA on unless told otherwise."""
    user = UserFactory(mfa=mfa)
    RoleFactory(user=user, local=local or LocalFactory(), kind=Role.Kind.STEWARD)
    return user


def organizer(local: Local | None = None, *, mfa: bool = True):
    user = UserFactory(mfa=mfa)
    RoleFactory(user=user, local=local or LocalFactory(), kind=Role.Kind.ORGANIZER)
    return user
