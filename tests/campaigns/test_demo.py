"""The demo seed: a day of action with about 150 endorsements, and seeding twice is fine."""

import io
from collections import Counter

import pytest

from campaigns.models import DayOfActionPage, Endorsement
from demo import campaigns as campaigns_demo
from demo.pages import seed_unions, seed_users

pytestmark = pytest.mark.django_db


def test_demo_seeds_a_varied_day_of_action_once(home):
    locals_by_number = seed_unions()
    seed_users(locals_by_number)
    campaigns_demo.seed(home=home, stdout=io.StringIO())
    campaigns_demo.seed(home=home, stdout=io.StringIO())
    day = DayOfActionPage.objects.get(
        slug="no-work-no-school-no-shopping", locale__language_code="en"
    )
    assert (
        day.get_translation_or_none(day.locale.__class__.objects.get(language_code="es")).title
        == "Sin trabajo, sin escuela, sin compras"
    )
    endorsements = Endorsement.objects.filter(day=day)
    assert 140 <= endorsements.count() <= 170
    statuses = Counter(endorsements.values_list("status", flat=True))
    assert set(statuses) == set(Endorsement.Status.values)
    assert statuses["approved"] > endorsements.count() / 2
    types = Counter(endorsements.values_list("organisation_type", flat=True))
    assert set(types) == {"union_local", "labor_council", "community", "faith", "student", "other"}
    assert len(set(endorsements.values_list("region", flat=True))) >= 8
    # The demo locals are recognised as known locals.
    assert endorsements.filter(local__number="1017").count() == 1
    # One live endorsement per organisation, as the constraint demands.
    live_keys = list(endorsements.live().values_list("identity_key", flat=True))
    assert len(live_keys) == len(set(live_keys))
    # The demo organizer can open the review queue in the admin.
    from django.contrib.auth import get_user_model

    organizer = get_user_model().objects.get(email="organizer@unionhall.test")
    assert organizer.has_perm("wagtailadmin.access_admin")
    # ...and organizes the demo day, through its local (1017), so it sees its contacts.
    from campaigns.selectors import may_organize_day

    assert day.owner_local.number == "1017"
    assert may_organize_day(organizer, day)
    steward = get_user_model().objects.get(email="steward@unionhall.test")
    assert not may_organize_day(steward, day)
