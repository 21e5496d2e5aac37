"""An endorsement's contact consents to be contacted or not; without it the export and the
API carry no email."""

import csv
import io

import pytest
from django.urls import reverse

from campaigns import imports, selectors, services
from campaigns.forms import EndorsementForm
from campaigns.models import Endorsement
from tests.campaigns.conftest import data, make_endorsement

pytestmark = pytest.mark.django_db


def test_the_endorse_form_offers_an_unticked_consent_box(client, day):
    form = EndorsementForm(day=day)
    assert form.fields["contact_consent"].required is False
    html = client.get(day.url + "endorse/").content.decode()
    assert "The local may contact me about this campaign" in html
    tag = html.split('name="contact_consent"')[1].split(">")[0]
    assert "checked" not in tag


def test_submitting_records_consent_only_when_ticked(day):
    silent = services.endorsement_submit(day=day, data=data(), language="en").endorsement
    assert (silent.contact_consent, silent.contact_consent_at) == (False, None)
    keen = services.endorsement_submit(
        day=day,
        data=data(organisation_name="Westside Union", contact_consent=True),
        language="en",
    ).endorsement
    assert keen.contact_consent and keen.contact_consent_at is not None


def test_withdrawing_clears_the_consent(day):
    endorsement = make_endorsement(day, contact_consent=True)
    services.endorsement_withdraw(endorsement=endorsement)
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.WITHDRAWN
    assert (endorsement.contact_consent, endorsement.contact_consent_at) == (False, None)


def test_the_export_gives_an_email_only_with_consent(client, day, organizer_user):
    make_endorsement(
        day, organisation_name="Keen Union", contact_email="keen@x.example", contact_consent=True
    )
    make_endorsement(day, organisation_name="Quiet Union", contact_email="quiet@x.example")
    client.force_login(organizer_user)
    response = client.get(reverse("campaigns:export", args=[day.pk]))
    body = b"".join(response.streaming_content).decode()
    rows = {row["organisation"]: row for row in csv.DictReader(io.StringIO(body))}
    assert rows["Keen Union"]["contact_email"] == "keen@x.example"
    assert rows["Keen Union"]["contact_consent"] == "yes"
    assert rows["Quiet Union"]["contact_email"] == ""
    assert rows["Quiet Union"]["contact_consent"] == "no"
    assert "quiet@x.example" not in body


def test_the_review_queue_shows_who_may_be_contacted(client, day, organizer_user):
    make_endorsement(day, status=Endorsement.Status.PENDING_REVIEW, contact_consent=True)
    make_endorsement(day, status=Endorsement.Status.PENDING_REVIEW, organisation_name="Other Org")
    client.force_login(organizer_user)
    page = client.get(reverse("campaigns:review", args=[day.pk])).content.decode()
    assert page.count('data-consent="yes"') == 1 and page.count('data-consent="no"') == 1
    assert "Not to be contacted" in page


def test_reimporting_an_export_keeps_the_contacts_address_and_consent(day):
    quiet = make_endorsement(day, contact_email="quiet@x.example")
    header, rows = selectors.export_rows(day)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    preview = imports.preview(day, buffer.getvalue())
    assert not preview.errors
    row = preview.rows[0]
    assert row.data.contact_email == "quiet@x.example"
    assert row.data.contact_consent is False
    quiet.refresh_from_db()
    assert quiet.contact_email == "quiet@x.example"
