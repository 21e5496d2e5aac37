"""One organisation, one identity key, however its name was typed."""

import pytest

from campaigns.identity import clean_region, identify, normalize_name, normalize_number
from campaigns.models import Endorsement
from campaigns.services import endorsement_submit
from tests.factories import AffiliationFactory, LocalFactory

from .conftest import data


@pytest.fixture
def local_1017(db):
    affiliation = AffiliationFactory(name="United Hospital and Care Workers", short_name="UHCW")
    return LocalFactory(
        affiliation=affiliation,
        number="1017",
        name="Harbor Valley Hospital Workers",
        city="Port Alder",
        region="California",
    )


def test_known_local_typed_two_ways_has_one_identity(local_1017):
    by_name = identify(
        organisation_name="UHCW Local 1017", affiliation_name="", local_number="", city="Port Alder"
    )
    by_fields = identify(
        organisation_name="Harbor Valley Hospital Workers",
        affiliation_name="united hospital & care workers",
        local_number="Local #01017",
        city="",
    )
    assert by_name.key == by_fields.key == f"local:{local_1017.pk}"
    assert by_name.local == local_1017


def test_unknown_local_of_known_affiliation_is_keyed_by_affiliation_and_number(local_1017):
    first = identify(
        organisation_name="UHCW Local 5150", affiliation_name="", local_number="", city="Mesa"
    )
    second = identify(
        organisation_name="Desert Care Workers",
        affiliation_name="UHCW",
        local_number="5150",
        city="Tucson",
    )
    assert first.key == second.key == f"affiliation:{local_1017.affiliation_id}:5150"
    assert first.local is None


def test_same_local_number_in_another_affiliation_is_another_organisation(local_1017):
    other = AffiliationFactory(name="Food, Warehouse and Retail Union", short_name="FWRU")
    theirs = identify(
        organisation_name="FWRU Local 1017", affiliation_name="", local_number="", city=""
    )
    assert theirs.key == f"affiliation:{other.pk}:1017"
    assert theirs.key != f"local:{local_1017.pk}"


@pytest.mark.django_db
def test_other_organisations_are_keyed_by_normalized_name_and_city():
    a = identify(
        organisation_name="St. Mary's Church & Shelter",
        affiliation_name="",
        local_number="",
        city="Port  Alder",
    )
    b = identify(
        organisation_name="st marys church and shelter",
        affiliation_name="",
        local_number="",
        city="port alder",
    )
    c = identify(
        organisation_name="St. Mary's Church & Shelter",
        affiliation_name="",
        local_number="",
        city="Lakeshore",
    )
    assert a.key == b.key
    assert a.key != c.key


def test_normalizers():
    assert normalize_number("Local #0412") == "412"
    assert normalize_number(" 1199W ") == "1199w"
    assert normalize_name("The Ríverbend   Students' Union") == "riverbend students union"
    assert clean_region("ca") == "California"
    assert clean_region("  new   york ") == "New York"
    assert clean_region("Ontario") == "Ontario"


def test_submitting_a_known_local_two_ways_makes_one_endorsement(local_1017, day):
    first = endorsement_submit(
        day=day,
        data=data(organisation_name="UHCW Local 1017", organisation_type="union_local", city=""),
        language="en",
    )
    second = endorsement_submit(
        day=day,
        data=data(
            organisation_name="Harbor Valley Hospital Workers",
            organisation_type="union_local",
            affiliation_name="United Hospital and Care Workers",
            local_number="1017",
            city="Port Alder",
        ),
        language="en",
    )
    assert first.outcome == "created"
    assert second.outcome == "replaced"
    assert second.endorsement.pk == first.endorsement.pk
    live = Endorsement.objects.filter(day=day).live()
    assert live.count() == 1
    only = live.get()
    assert only.local == local_1017
    # A known local is counted under its own region, whatever was typed.
    assert only.region == "California"
