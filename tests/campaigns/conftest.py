"""Fixtures for days of action: an index page, a day, and endorsements in any state."""

import datetime

import pytest
from django.utils import timezone

from campaigns.models import DayOfActionIndexPage, DayOfActionPage, Endorsement
from campaigns.services import EndorsementData
from demo.pages import child_page, translation_of
from tests.factories import UserFactory, organizer


@pytest.fixture
def index(home):
    page = child_page(home, DayOfActionIndexPage, slug="days-of-action", title="Days of action")
    translation_of(page, "es", title="Días de acción")
    return page


@pytest.fixture
def day(index):
    page = child_page(
        index,
        DayOfActionPage,
        slug="no-work-no-school",
        title="No work, no school, no shopping",
        date=timezone.localdate() + datetime.timedelta(days=10),
        intro="A day without immigrant workers.",
        call="<p>Stay home, close the shop, walk out together.</p>",
        how_to_take_part="<p>Endorse, then tell your members.</p>",
    )
    translation_of(page, "es", title="Sin trabajo, sin escuela, sin compras")
    return page


@pytest.fixture
def organizer_user(day):
    """An organizer of the local that organizes `day`."""
    user = organizer()
    day.owner_local = user.union_roles.get().local
    day.save_revision().publish()
    return user


@pytest.fixture
def editor_user(db):
    """Has the Wagtail admin, but no organizer role."""
    from django.contrib.auth.models import Permission

    user = UserFactory(mfa=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def data(**overrides) -> EndorsementData:
    fields = {
        "organisation_name": "Eastside Tenants Union",
        "organisation_type": "community",
        "city": "Port Alder",
        "region": "California",
        "pledge_level": "mobilize",
        "members_represented": 300,
        "statement": "We will be in the streets.",
        "contact_name": "Lena Ortiz",
        "contact_title": "Secretary",
        "contact_email": "lena@eastside.example",
    }
    fields.update(overrides)
    return EndorsementData(**fields)


def make_endorsement(day, status=Endorsement.Status.APPROVED, **overrides) -> Endorsement:
    """An endorsement written straight to the table, for tests about reading and moderating."""
    from campaigns.services import _apply

    endorsement = Endorsement(day=day, status=status)
    _apply(endorsement, data(**overrides).cleaned())
    endorsement.new_link_secret()
    if status != Endorsement.Status.PENDING_CONFIRMATION:
        endorsement.confirmed_at = timezone.now()
    if status == Endorsement.Status.APPROVED:
        endorsement.approved_at = timezone.now()
    endorsement.save()
    return endorsement
