"""Fixtures every test may use: a site with its home page in English and Spanish.

Tests ask for the database themselves (the `django_db` marker or the `db` fixture); pure tests
run without one. A transactional test ends by flushing every table, which would delete the rows
migrations made (Wagtail's root page, groups, seeded categories) for every later test, so each
one must ask for `serialized_rollback=True`: `pytest_collection_modifyitems` refuses the run
otherwise.
"""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and replay guards live in the shared cache; each test starts clean.
    cache.clear()
    yield


@pytest.fixture
def home(db):
    """The English home page as the default site's root, with its Spanish translation."""
    from demo.pages import seed_pages

    return seed_pages()


pytest_plugins = ["tests.browser"]

TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server"}


def _transactional_without_serialized_rollback(item) -> bool:
    marker = item.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction"))
    transactional |= bool(TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())))
    if not transactional:
        return False
    serialized = bool(marker and marker.kwargs.get("serialized_rollback"))
    serialized |= "django_db_serialized_rollback" in getattr(item, "fixturenames", ())
    return not serialized


def pytest_collection_modifyitems(config, items):
    offenders = [item.nodeid for item in items if _transactional_without_serialized_rollback(item)]
    if offenders:
        raise pytest.UsageError(
            "Transactional tests must ask for @pytest.mark.django_db(transaction=True, "
            "serialized_rollback=True), or their flush deletes the rows migrations made: "
            + ", ".join(offenders)
        )
