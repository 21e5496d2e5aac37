"""Fixtures every test may use: a site with its home page in English and Spanish."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and replay guards live in the shared cache; each test starts clean.
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _serialized_rollback(django_db_serialized_rollback):
    """Every transactional test restores the rows migrations made (Wagtail's root page,
    groups, seeded categories) when it ends. Mixing flush-only and serialized tests would
    let a flush re-create content types that the next serialized test then collides with."""


@pytest.fixture
def home(db):
    """The English home page as the default site's root, with its Spanish translation."""
    from demo.pages import seed_pages

    return seed_pages()


pytest_plugins = ["tests.browser"]


def pytest_configure(config):
    import os

    # Playwright's sync API runs an event loop in the test thread; Django's ORM calls made
    # from the same thread by tests are safe, so let them through.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
