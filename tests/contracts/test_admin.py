"""Editors in the Wagtail admin: clause pages with all their panels, and new categories."""

import pytest

from contracts.models import ClauseCategory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(is_superuser=True, is_staff=True, mfa=True)
    client.force_login(user)
    return user


def test_clause_edit_page_offers_every_field_including_related_resolutions(
    client, editor, warrant_clause
):
    response = client.get(f"/admin/pages/{warrant_clause.pk}/edit/")
    html = response.content.decode()
    assert response.status_code == 200
    for label in (
        "Bargaining notes",
        "Where similar language was won",
        "Related resolutions",
        "Strength",
        "Category",
    ):
        assert label.lower() in html.lower()


def test_a_clause_can_be_added_under_the_library(client, editor, library):
    response = client.get(f"/admin/pages/add/contracts/contractclausepage/{library.pk}/")
    assert response.status_code == 200


def test_editors_add_a_category_in_the_snippets(client, editor):
    response = client.get("/admin/snippets/contracts/clausecategory/")
    assert response.status_code == 200
    assert "Non-discrimination" in response.content.decode()
    response = client.post(
        "/admin/snippets/contracts/clausecategory/add/",
        {
            "name": "Union access to the worksite",
            "name_es": "Acceso sindical al lugar de trabajo",
            "slug": "union-access",
            "description": "",
            "sort_order": 200,
        },
    )
    assert response.status_code == 302
    category = ClauseCategory.objects.get(slug="union-access")
    assert category.label("es") == "Acceso sindical al lugar de trabajo"
