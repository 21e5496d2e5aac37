"""Fixtures for the shared core's tests: a petition and a day of action under the home page."""

import pytest

from tests.campaigns.conftest import day, index  # noqa: F401 (fixtures)
from tests.petitions.conftest import make_petition


@pytest.fixture
def petition(home):
    return make_petition(home)


@pytest.fixture
def page_cache(settings):
    """The page cache in Redis, as in production (the test settings leave it off)."""
    settings.PAGE_CACHE = True
    return settings
