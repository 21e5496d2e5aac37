"""The adoption overview names locals whose reports are private: it is for editors only,
not for every organizer who reaches the Wagtail admin to moderate endorsements."""

from datetime import date

from django.contrib.auth.models import Group
from django.urls import reverse

from documents.engine import Answers
from resolutions import services
from tests.documents.helpers import ANSWERS
from tests.factories import UserFactory, organizer


def _private_report(resolution, local, steward_user):
    adaptation = services.adaptation_save(
        user=steward_user, resolution=resolution, local=local, answers=Answers(values=ANSWERS)
    )
    services.adoption_report_create(
        user=steward_user,
        adaptation=adaptation,
        outcome="adopted",
        meeting_date=date(2026, 1, 5),
        body="membership",
        visibility="private",
    )


def test_an_organizer_in_the_admin_does_not_see_private_adoption_reports(
    client, resolution, local, steward_user
):
    _private_report(resolution, local, steward_user)
    moderator_only = organizer(local)
    assert moderator_only.has_perm("wagtailadmin.access_admin")
    client.force_login(moderator_only)
    response = client.get(reverse("resolutions_adoptions"))
    # Wagtail's admin answers PermissionDenied by sending the person back to the dashboard.
    assert response.status_code == 302 and response.url == "/admin/"
    assert local.display_name not in response.content.decode()
    menu = client.get("/admin/").content.decode()
    assert "Resolution adoptions" not in menu


def test_a_member_of_the_editors_group_sees_the_adoption_overview(
    client, resolution, local, steward_user
):
    _private_report(resolution, local, steward_user)
    editor = UserFactory(mfa=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    html = client.get(reverse("resolutions_adoptions")).content.decode()
    assert local.display_name in html and "Private" in html
    assert "Resolution adoptions" in client.get("/admin/").content.decode()
