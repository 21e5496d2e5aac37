"""Issue 10, days of action: nothing leaks, nothing is lost, every step can be corrected."""

import pytest
from django.urls import reverse

from campaigns.forms import BulkReviewForm
from campaigns.models import Endorsement

from .conftest import make_endorsement

pytestmark = pytest.mark.django_db


# Item 17: Unicode digits are digits to str.isdigit and int(), but never part of our links.


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def test_a_link_with_unicode_digits_is_404_not_500(client, day):
    endorsement = make_endorsement(day)
    real = endorsement.link_token()
    arabic = real.translate(ARABIC_INDIC)  # the same number and digest, in other digits
    for token in (arabic, arabic.split("-")[0] + "-" + real.split("-")[1], "²-" + "0" * 40):
        response = client.get(day.url + f"endorsement/{token}/")
        assert response.status_code == 404, token
        response = client.post(day.url + f"endorsement/{token}/", {"action": "withdraw"})
        assert response.status_code == 404, token
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.APPROVED


def test_the_real_link_still_opens(client, day):
    endorsement = make_endorsement(day)
    response = client.get(day.url + f"endorsement/{endorsement.link_token()}/")
    assert response.status_code == 200
    assert "Eastside Tenants Union" in response.content.decode()


@pytest.mark.parametrize("value", ["²", "١١", "𝟏"])
def test_review_ids_with_unicode_digits_are_refused_not_500(value):
    form = BulkReviewForm({"action": "approve", "ids": [value]})
    assert not form.is_valid()
    assert form.errors["ids"] == ["Tick at least one endorsement."]


def test_bulk_post_with_unicode_digit_ids_is_400(client, day, organizer_user):
    endorsement = make_endorsement(day, status=Endorsement.Status.PENDING_REVIEW)
    client.force_login(organizer_user)
    url = reverse("campaigns:review", args=[day.pk])
    response = client.post(url, {"action": "approve", "ids": ["²", "١"]})
    assert response.status_code == 400
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.PENDING_REVIEW
