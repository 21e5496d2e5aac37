"""The reads other apps make of the union's structure."""

import pytest

from tests.factories import AffiliationFactory, LocalFactory, RoleFactory, UserFactory
from unions import selectors
from unions.models import Role

pytestmark = pytest.mark.django_db


def test_acting_locals_are_the_users_own_stewarded_or_organized_ones():
    user = UserFactory()
    stewarded, organized = LocalFactory(), LocalFactory()
    RoleFactory(user=user, local=stewarded, kind=Role.Kind.STEWARD)
    RoleFactory(user=user, local=organized, kind=Role.Kind.ORGANIZER)
    RoleFactory(kind=Role.Kind.ORGANIZER)  # someone else's local
    assert set(selectors.locals_acting_for(user)) == {stewarded, organized}
    assert list(selectors.locals_organized_by(user)) == [organized]
    assert {role.local for role in selectors.roles_of(user)} == {stewarded, organized}


def test_a_local_is_found_by_its_number_with_or_without_leading_zeros():
    union = AffiliationFactory()
    local = LocalFactory(affiliation=union, number="0412B")
    LocalFactory(number="0412B")  # the same number in another affiliation
    assert selectors.local_numbered(union, {"0412b"}) == local
    assert selectors.local_numbered(union, {"412b"}) is None
    assert list(selectors.locals_numbered_ending(union, "412b")) == [local]


def test_affiliation_counts_and_names():
    union, other = AffiliationFactory(short_name="UHCW"), AffiliationFactory()
    LocalFactory.create_batch(2, affiliation=union)
    assert selectors.local_counts_by_affiliation() == {union.pk: 2}
    assert selectors.affiliation_short_names() == {union.pk: "UHCW", other.pk: other.short_name}
    assert list(selectors.affiliations_among({other.pk})) == [other]
