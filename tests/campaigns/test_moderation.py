"""The review queue: who may see it, bulk approval and rejection, and the emails they send."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from campaigns.models import Endorsement
from tests.factories import LocalFactory, UserFactory, organizer, steward

from .conftest import make_endorsement

pytestmark = pytest.mark.django_db


def admin_urls(day):
    return [
        reverse("campaigns:days"),
        reverse("campaigns:review", args=[day.pk]),
        reverse("campaigns:dashboard", args=[day.pk]),
        reverse("campaigns:export", args=[day.pk]),
        reverse("campaigns:import", args=[day.pk]),
    ]


def test_anyone_but_an_organizer_gets_403(client, day, editor_user):
    make_endorsement(day, contact_email="secret@contact.example")
    a_steward = steward(LocalFactory())
    a_steward.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for user in (editor_user, a_steward):
        client.force_login(user)
        for url in admin_urls(day):
            response = client.get(url)
            assert response.status_code == 403, url
            assert b"secret@contact.example" not in response.content


def test_anonymous_visitors_are_sent_to_log_in(client, day):
    for url in admin_urls(day):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_an_organizer_role_opens_the_admin_and_the_queue(client, day):
    user = organizer(LocalFactory())
    day.owner_local = user.union_roles.get().local
    day.save_revision().publish()
    assert user.has_perm("wagtailadmin.access_admin")
    make_endorsement(day, status=Endorsement.Status.PENDING_REVIEW, contact_email="c@x.example")
    client.force_login(user)
    response = client.get(reverse("campaigns:review", args=[day.pk]))
    assert response.status_code == 200
    assert b"c@x.example" in response.content
    assert "no-store" in response["Cache-Control"]


def test_organizer_without_mfa_is_sent_to_set_it_up(client, day):
    user = organizer(LocalFactory(), mfa=False)
    day.organizers.add(user)
    day.save_revision().publish()
    client.force_login(user)
    response = client.get(reverse("campaigns:review", args=[day.pk]))
    assert response.status_code == 302
    assert "totp" in response["Location"]


def test_superuser_is_an_organizer(client, day):
    admin = UserFactory(mfa=True, is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get(reverse("campaigns:dashboard", args=[day.pk])).status_code == 200


def test_filters_narrow_the_queue(client, day, organizer_user):
    make_endorsement(
        day,
        organisation_name="Faith One",
        organisation_type="faith",
        status=Endorsement.Status.PENDING_REVIEW,
    )
    make_endorsement(
        day,
        organisation_name="Student Two",
        organisation_type="student",
        region="Texas",
        status=Endorsement.Status.PENDING_REVIEW,
    )
    make_endorsement(day, organisation_name="Approved Three", status=Endorsement.Status.APPROVED)
    client.force_login(organizer_user)
    url = reverse("campaigns:review", args=[day.pk])
    body = client.get(url).content.decode()  # waiting for review by default
    assert "Faith One" in body and "Student Two" in body and "Approved Three" not in body
    body = client.get(
        url, {"status": "pending_review", "organisation_type": "faith"}
    ).content.decode()
    assert "Faith One" in body and "Student Two" not in body
    body = client.get(url, {"status": "", "region": "texas"}).content.decode()
    assert "Student Two" in body and "Faith One" not in body
    body = client.get(url, {"status": "approved"}).content.decode()
    assert "Approved Three" in body and "Faith One" not in body


def test_bulk_approve_emails_each_contact(
    client, day, organizer_user, django_capture_on_commit_callbacks
):
    first = make_endorsement(
        day,
        organisation_name="Riverbend Youth Collective",
        contact_email="a@one.example",
        status=Endorsement.Status.PENDING_REVIEW,
    )
    second = make_endorsement(
        day,
        organisation_name="Mesa Faith Circle",
        organisation_type="faith",
        contact_email="b@two.example",
        status=Endorsement.Status.PENDING_REVIEW,
    )
    untouched = make_endorsement(
        day, organisation_name="Unticked", status=Endorsement.Status.PENDING_REVIEW
    )
    client.force_login(organizer_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("campaigns:review", args=[day.pk]),
            {"action": "approve", "ids": [first.pk, second.pk]},
        )
    assert response.status_code == 302
    for endorsement in (first, second):
        endorsement.refresh_from_db()
        assert endorsement.status == Endorsement.Status.APPROVED
        assert endorsement.reviewed_by == organizer_user
        assert endorsement.approved_at is not None
    untouched.refresh_from_db()
    assert untouched.status == Endorsement.Status.PENDING_REVIEW
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"a@one.example", "b@two.example"}
    message = by_address["b@two.example"]
    assert "Mesa Faith Circle" in message.subject
    assert "approved" in message.body
    assert f"/endorsement/{second.link_token()}/" in message.body


def test_bulk_reject_needs_a_reason_and_emails_it(
    client, day, organizer_user, django_capture_on_commit_callbacks
):
    endorsement = make_endorsement(
        day, contact_email="x@spam.example", status=Endorsement.Status.PENDING_REVIEW
    )
    client.force_login(organizer_user)
    url = reverse("campaigns:review", args=[day.pk])
    response = client.post(url, {"action": "reject", "ids": [endorsement.pk], "reason": " "})
    assert response.status_code == 400
    assert "Give a reason" in response.content.decode()
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.PENDING_REVIEW

    reason = "We could not reach anyone at this organisation to check the endorsement."
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "reject", "ids": [endorsement.pk], "reason": reason})
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.REJECTED
    assert endorsement.rejection_reason == reason
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["x@spam.example"]
    assert reason in mail.outbox[0].body
    assert reason in mail.outbox[0].alternatives[0][0]


def test_bulk_actions_touch_only_this_days_endorsements(client, day, organizer_user, index):
    from campaigns.models import DayOfActionPage
    from demo.pages import child_page

    other_day = child_page(
        index, DayOfActionPage, slug="other", title="Other", date=day.date, call="<p>x</p>"
    )
    elsewhere = make_endorsement(other_day, status=Endorsement.Status.PENDING_REVIEW)
    client.force_login(organizer_user)
    client.post(
        reverse("campaigns:review", args=[day.pk]), {"action": "approve", "ids": [elsewhere.pk]}
    )
    elsewhere.refresh_from_db()
    assert elsewhere.status == Endorsement.Status.PENDING_REVIEW
