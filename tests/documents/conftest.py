"""Every test starts in English; a Spanish request earlier in the thread must not leak."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield
