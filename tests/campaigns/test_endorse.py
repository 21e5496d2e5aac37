"""Endorsing through the public form, confirming from the email, and the contact's link."""

import re
import time

import pytest
from django.core import mail

from campaigns.models import Endorsement
from core.formguard import token_issue

from .conftest import make_endorsement

pytestmark = pytest.mark.django_db

FORM = {
    "organisation_name": "Eastside Tenants Union",
    "organisation_type": "community",
    "affiliation_name": "",
    "local_number": "",
    "city": "Port Alder",
    "region": "CA",
    "members_represented": "300",
    "pledge_level": "mobilize",
    "statement": "We will be in the streets.",
    "contact_name": "Lena Ortiz",
    "contact_title": "Secretary",
    "contact_email": "Lena@Eastside.example",
    # The time-to-fill token of a form loaded a while ago (core.formguard).
    "started": token_issue(at=time.time() - 30),
}


def endorse_url(day, prefix=""):
    return day.url + "endorse/"


def link_in(message) -> str:
    found = re.search(r"https?://\S+/endorsement/[0-9]+-[0-9a-f]+/", message.body)
    assert found, message.body
    return found.group(0).split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def test_form_offers_only_the_days_options_and_asks_nothing_sensitive(client, day):
    day.organisation_types = ["union_local", "faith"]
    day.pledge_levels = ["endorse", "job_action"]
    day.ask_members_represented = False
    day.save_revision().publish()
    body = client.get(endorse_url(day)).content.decode()
    assert 'value="union_local"' in body and 'value="faith"' in body
    assert 'value="student"' not in body
    assert 'value="promote"' not in body and 'value="job_action"' in body
    assert 'name="members_represented"' not in body
    for word in ("immigration", "social security", "ssn", "employee id"):
        assert word not in body.lower()


def test_endorsing_sends_a_confirmation_link_that_a_get_does_not_confirm(
    client, day, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(endorse_url(day), FORM)
    assert response.status_code == 302
    assert response["Location"].endswith("endorse/sent/")
    endorsement = Endorsement.objects.get()
    assert endorsement.status == Endorsement.Status.PENDING_CONFIRMATION
    assert endorsement.contact_email == "lena@eastside.example"
    assert endorsement.region == "California"
    assert endorsement.day_id == day.pk
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lena@eastside.example"]
    assert "Eastside Tenants Union" in message.subject
    assert "Mobilize members" in message.body
    html = message.alternatives[0][0]
    assert "Open the confirmation page" in html

    link = link_in(message)
    page = client.get(link)
    assert page.status_code == 200
    assert "Confirm our endorsement" in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0") or "no-store" in page["Cache-Control"]
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.PENDING_CONFIRMATION  # a scanner's GET

    client.post(link, {"action": "confirm"})
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.PENDING_REVIEW
    assert endorsement.confirmed_at is not None


def test_bad_input_gets_messages_beside_fields_and_writes_nothing(client, day):
    bad = {**FORM, "contact_email": "not-an-address", "members_represented": "-5", "city": ""}
    response = client.post(endorse_url(day), bad)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Enter a valid email address." in body
    assert "greater than or equal to 0" in body
    assert "This field is required." in body
    assert not Endorsement.objects.exists()


def test_honeypot_field_rejects_bots(client, day):
    response = client.post(endorse_url(day), {**FORM, "website": "http://spam.example"})
    assert response.status_code == 200
    assert not Endorsement.objects.exists()


def test_a_wrong_link_is_404(client, day):
    endorsement = make_endorsement(day)
    assert client.get(day.url + f"endorsement/{endorsement.pk}-{'0' * 40}/").status_code == 404
    assert client.get(day.url + "endorsement/nonsense/").status_code == 404


def test_second_submission_from_a_confirmed_organisation_goes_to_its_contact(
    client, day, django_capture_on_commit_callbacks
):
    original = make_endorsement(day, organisation_name="Eastside Tenants Union")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            endorse_url(day),
            {
                **FORM,
                "organisation_name": "EASTSIDE tenants union",
                "statement": "Changed by someone else",
                "pledge_level": "job_action",
                "contact_email": "someone@else.example",
            },
        )
    assert response["Location"].endswith("endorse/sent/")
    assert Endorsement.objects.count() == 1
    original.refresh_from_db()
    assert original.statement == "We will be in the streets."  # unchanged until accepted
    assert original.pending_update["statement"] == "Changed by someone else"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lena@eastside.example"]  # the confirmed contact, not the sender
    assert "Changed by someone else" in message.body
    assert "Mobilize members → Job action" in message.body

    link = link_in(message)
    assert "Accept the changes" in client.get(link).content.decode()
    client.post(link, {"action": "apply_update"})
    original.refresh_from_db()
    assert original.statement == "Changed by someone else"
    assert original.pledge_level == "job_action"
    assert original.contact_email == "someone@else.example"
    # A new contact: they confirm their address, then an organizer looks at it again.
    assert original.status == Endorsement.Status.PENDING_CONFIRMATION
    assert original.pending_update is None


def test_contact_can_raise_the_pledge_and_stay_approved(client, day):
    endorsement = make_endorsement(day, pledge_level="endorse")
    link = day.url + f"endorsement/{endorsement.link_token()}/"
    body = client.get(link).content.decode()
    assert 'value="job_action"' in body and 'value="endorse"' not in body
    client.post(link, {"action": "raise", "pledge_level": "job_action"})
    endorsement.refresh_from_db()
    assert endorsement.pledge_level == "job_action"
    assert endorsement.status == Endorsement.Status.APPROVED
    # Lowering through the same form is refused.
    response = client.post(link, {"action": "raise", "pledge_level": "promote"})
    assert response.status_code == 400
    endorsement.refresh_from_db()
    assert endorsement.pledge_level == "job_action"


def test_withdrawing_frees_the_organisation_to_endorse_again(client, day):
    endorsement = make_endorsement(day)
    link = day.url + f"endorsement/{endorsement.link_token()}/"
    client.post(link, {"action": "withdraw"})
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.WITHDRAWN
    response = client.post(endorse_url(day), FORM)
    assert response.status_code == 302
    assert Endorsement.objects.filter(day=day).live().count() == 1
    assert Endorsement.objects.filter(day=day).count() == 2


def test_closed_day_takes_no_endorsements(client, day):
    day.endorsements_open = False
    day.save_revision().publish()
    response = client.post(endorse_url(day), FORM)
    assert "no longer taking endorsements" in response.content.decode()
    assert not Endorsement.objects.exists()


def test_spanish_page_endorses_the_same_day_and_emails_in_spanish(
    client, day, django_capture_on_commit_callbacks
):
    spanish = day.get_translation(day.locale.__class__.objects.get(language_code="es"))
    url = spanish.specific.url + "endorse/"
    assert url.startswith("/es/")
    assert "Nombre de la organización" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, FORM)
    endorsement = Endorsement.objects.get()
    assert endorsement.day_id == day.pk
    assert endorsement.language == "es"
    message = mail.outbox[0]
    assert "Confirme el respaldo" in message.subject
    assert "/es/" in message.body


def test_a_reused_form_token_is_refused_with_a_fresh_one_and_nothing_saved(client, day, settings):
    """A cached endorse page hands every visitor the same token: each address may use it a
    few times (settings.FORMGUARD_REUSE_LIMIT), then gets the form back with a fresh one."""
    settings.FORMGUARD_REUSE_LIMIT = 1
    first = client.post(endorse_url(day), FORM)
    assert first.status_code == 302
    second = client.post(endorse_url(day), {**FORM, "organisation_name": "Westside Tenants Union"})
    body = second.content.decode()
    assert "This form has been sent too many times from your network" in body
    assert 'value="Westside Tenants Union"' in body
    fresh = re.search(r'name="started" value="([^"]+)"', body).group(1)
    assert fresh != FORM["started"]
    assert list(Endorsement.objects.values_list("organisation_name", flat=True)) == [
        "Eastside Tenants Union"
    ]


def test_an_endorsement_sent_faster_than_a_person_types_is_refused(client, day):
    response = client.post(endorse_url(day), {**FORM, "started": token_issue()})
    assert "faster than a person can fill in the form" in response.content.decode()
    assert not Endorsement.objects.exists()
