"""The contract-language uptake report is for editors, not every organizer in the admin."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import LocalFactory, UserFactory, organizer

pytestmark = pytest.mark.django_db


def test_an_organizer_in_the_admin_cannot_open_the_uptake_report(client, warrant_clause):
    moderator_only = organizer(LocalFactory())
    assert moderator_only.has_perm("wagtailadmin.access_admin")
    client.force_login(moderator_only)
    response = client.get("/admin/contract-language/uptake/")
    # Wagtail's admin answers PermissionDenied by sending the person back to the dashboard.
    assert response.status_code == 302 and response.url == "/admin/"
    assert "Judicial warrant required" not in response.content.decode()
    assert "Contract language uptake" not in client.get("/admin/reports/").content.decode()


def test_an_editor_opens_the_uptake_report(client, warrant_clause):
    editor = UserFactory(mfa=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get("/admin/contract-language/uptake/")
    assert response.status_code == 200
    assert "Judicial warrant required" in response.content.decode()
