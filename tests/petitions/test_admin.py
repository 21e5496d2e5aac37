"""Editors create petitions in the Wagtail admin."""

import pytest

from tests.factories import UserFactory


@pytest.mark.django_db
def test_editor_can_open_the_new_petition_form_under_the_index(client, petition):
    admin = UserFactory(mfa=True, is_superuser=True, is_staff=True)
    client.force_login(admin)
    index = petition.get_parent()
    response = client.get(f"/admin/pages/add/petitions/petitionpage/{index.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    for field in ("addressed_to", "demand", "goal", "retention_days", "department_field"):
        assert f'name="{field}"' in body
    # Only the index may hold petitions: Wagtail refuses (and redirects) elsewhere.
    home_page = index.get_parent()
    refused = client.get(f"/admin/pages/add/petitions/petitionpage/{home_page.pk}/")
    assert refused.status_code == 302


@pytest.mark.django_db
def test_preview_of_a_new_petition_renders(client, petition):
    admin = UserFactory(mfa=True, is_superuser=True, is_staff=True)
    client.force_login(admin)
    index = petition.get_parent()
    data = {
        "title": "Heat plan now",
        "slug": "heat-plan-now",
        "addressed_to": "Site manager",
        "demand": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Shade at the dock.", '
        '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        "local": petition.local_id,
        "goal": "300",
        "opens_on": "2026-01-01",
        "status": "open",
        "department_field": "optional",
        "retention_days": "90",
    }
    url = f"/admin/pages/add/petitions/petitionpage/{index.pk}/preview/"
    posted = client.post(url, data)
    assert posted.status_code == 200 and posted.json()["is_valid"] is True
    preview = client.get(url)
    assert preview.status_code == 200
    assert "Shade at the dock." in preview.content.decode()
