"""Roles and the permission questions other apps ask."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError

from tests.factories import LocalFactory, RoleFactory, UserFactory, organizer, steward
from unions.models import Local, Role
from unions.permissions import (
    is_organizer,
    is_steward,
    locals_for,
    may_act_for_local,
    may_see_personal_data,
)


@pytest.mark.django_db
def test_a_steward_may_see_their_own_locals_signers_but_not_anothers():
    own, other = LocalFactory(), LocalFactory()
    user = steward(own)
    assert may_see_personal_data(user, own)
    assert not may_see_personal_data(user, other)
    assert may_act_for_local(user, own.pk)
    assert not may_act_for_local(user, other)


@pytest.mark.django_db
def test_an_organizer_is_an_organizer_anywhere_only_with_a_role():
    local = LocalFactory()
    user = organizer(local)
    assert is_organizer(user, local)
    assert is_organizer(user)
    assert not is_steward(user, local)
    assert not is_organizer(UserFactory())


@pytest.mark.django_db
def test_anonymous_and_roleless_people_see_no_personal_data():
    local = LocalFactory()
    assert not may_see_personal_data(AnonymousUser(), local)
    assert not may_see_personal_data(UserFactory(), local)
    assert list(locals_for(AnonymousUser())) == []


@pytest.mark.django_db
def test_a_superuser_may_see_personal_data_of_any_local():
    assert may_see_personal_data(UserFactory(is_superuser=True), LocalFactory())


@pytest.mark.django_db
def test_locals_for_filters_by_kind():
    first, second = LocalFactory(), LocalFactory()
    user = steward(first)
    RoleFactory(user=user, local=second, kind=Role.Kind.ORGANIZER)
    assert set(locals_for(user)) == {first, second}
    assert list(locals_for(user, Role.Kind.STEWARD)) == [first]


@pytest.mark.django_db
def test_one_role_of_a_kind_per_person_per_local():
    role = RoleFactory()
    with pytest.raises(IntegrityError):
        Role.objects.create(user=role.user, local=role.local, kind=role.kind)


@pytest.mark.django_db
def test_a_local_number_is_unique_within_its_affiliation_whatever_the_case():
    local = LocalFactory(number="12b")
    with pytest.raises(IntegrityError):
        Local.objects.create(
            affiliation=local.affiliation, number="12B", name="x", city="y", region="z"
        )


@pytest.mark.django_db
def test_locals_are_managed_in_the_wagtail_admin(client):
    admin = UserFactory(is_superuser=True, is_staff=True, mfa=True)
    LocalFactory(name="Harbourside Porters")
    client.force_login(admin)
    response = client.get("/admin/snippets/unions/local/")
    assert response.status_code == 200
    assert "Harbourside Porters" in response.content.decode()
