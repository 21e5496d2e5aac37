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


def test_editors_see_how_many_locals_proposed_and_won_each_clause(client, editor, warrant_clause):
    from datetime import date

    from contracts.models import BargainingProposal
    from tests.factories import LocalFactory

    for status, dates in (
        ("proposed", {"proposed_on": date(2026, 3, 1)}),
        ("ratified", {"ratified_on": date(2026, 4, 1)}),
    ):
        proposal = BargainingProposal.objects.create(
            local=LocalFactory(name="Secret Local Name"),
            employer="E",
            title="T",
            drafted_on=date(2026, 2, 1),
            status=status,
            **dates,
        )
        proposal.items.create(clause=warrant_clause, clause_key=warrant_clause.translation_key)
    response = client.get("/admin/contract-language/uptake/")
    html = response.content.decode()
    assert response.status_code == 200
    row = html.split("Judicial warrant required")[1].split("</tr>")[0]
    assert "<td>2</td>" in row and "<td>1</td>" in row
    assert "Secret Local Name" not in html


def test_the_uptake_report_is_for_the_librarys_editors_only(client, warrant_clause):
    # An admin user who does not edit the clause library passes Wagtail's own gate and the view
    # refuses them (documents.permissions.require_library_editor raises PermissionDenied). Wagtail
    # answers that with 403 to a script, and to a browser with its admin home and a message.
    from django.contrib.auth.models import Permission

    user = UserFactory(mfa=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    url = "/admin/contract-language/uptake/"
    refused = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
    assert refused.status_code == 403
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    html = client.get(url, follow=True).content.decode()
    assert "Sorry, you do not have permission to access this area." in html
    for text in (refused.content.decode(), html):
        assert "Judicial warrant required" not in text
        assert "Proposed by" not in text and "Won by" not in text
