"""Two submissions from the same organisation at the same moment give one endorsement."""

import threading

import pytest
from django.db import connection

from campaigns.models import Endorsement
from campaigns.services import endorsement_submit
from tests.factories import AffiliationFactory, LocalFactory

from .conftest import data


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("attempts", [2, 6])
def test_simultaneous_submissions_from_one_local_make_one_endorsement(day, attempts):
    affiliation = AffiliationFactory(name="Building Services Alliance", short_name="BSA")
    LocalFactory(affiliation=affiliation, number="230", city="Riverbend", region="Oregon")
    spellings = [
        data(organisation_name="BSA Local 230", organisation_type="union_local"),
        data(
            organisation_name="Riverbend Janitors",
            organisation_type="union_local",
            affiliation_name="building services alliance",
            local_number="#230",
        ),
    ]
    barrier = threading.Barrier(attempts)
    outcomes, errors = [], []

    def submit(i):
        try:
            barrier.wait(timeout=10)
            result = endorsement_submit(day=day, data=spellings[i % 2], language="en")
            outcomes.append(result.outcome)
        except Exception as error:  # the test reports any failure in a thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(outcomes) == attempts
    assert outcomes.count("created") == 1
    assert Endorsement.objects.filter(day=day).count() == 1
    assert Endorsement.objects.filter(day=day).live().count() == 1
