"""Fixtures for petition tests: a petition in English and Spanish under the index."""

import time

import pytest

from core.formguard import token_issue as started_token
from tests.factories import LocalFactory, WorkplaceFactory


def make_petition(home, *, slug="water-at-the-dock", local=None, translate=True, **fields):
    from demo.pages import child_page, translation_of
    from petitions.models import PetitionIndexPage, PetitionPage

    index = child_page(home, PetitionIndexPage, slug="petitions", title="Petitions")
    if translate:
        translation_of(index, "es", title="Peticiones")
    local = local or LocalFactory()
    values = {
        "title": "Water at the dock",
        "addressed_to": "Acme site manager",
        "demand": "<p>Cool water at every dock door.</p>",
        "local": local,
        "workplace": WorkplaceFactory(local=local),
        "goal": 200,
        "department_field": PetitionPage.DepartmentField.OPTIONAL,
        **fields,
    }
    page = child_page(index, PetitionPage, slug=slug, **values)
    if translate:
        translation_of(
            page,
            "es",
            title="Agua en el muelle",
            addressed_to="Gerencia de Acme",
            demand="<p>Agua fresca en cada puerta del muelle.</p>",
        )
    return page


@pytest.fixture
def petition(home):
    return make_petition(home)


def sign_data(**overrides) -> dict:
    data = {
        "name": "Rosa Delgado",
        "email": "rosa@example.org",
        "department": "Inbound",
        "name_display": "initial",
        "language": "en",
        "website": "",
        "started": started_token(at=time.time() - 30),
    }
    data.update(overrides)
    return data


def sign_url(page) -> str:
    return page.url + page.reverse_subpage("sign").lstrip("/")
