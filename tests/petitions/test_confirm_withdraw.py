"""Confirmation links are safe from mail scanners; withdrawal deletes personal data."""

import datetime
import re

import pytest
from django.core import signing
from django.utils import timezone

from core.tokens import make_token
from petitions import selectors, services
from petitions.models import Signature
from petitions.tokens import CONFIRM, WITHDRAW
from tests.petitions.conftest import make_petition, sign_data, sign_url


def links(email) -> dict[str, str]:
    found = dict(re.findall(r"https?://[^/\s]+(/\S*?/(confirm|withdraw)/[^/\s]+/)", email.body))
    return {kind: path for path, kind in found.items()}


@pytest.fixture
def signed(client, petition, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sign_url(petition), sign_data())
    return Signature.objects.get(), links(mailoutbox[0])


@pytest.mark.django_db
def test_get_on_the_confirmation_link_shows_a_button_and_confirms_nothing(client, signed):
    signature, urls = signed
    response = client.get(urls["confirm"])
    assert response.status_code == 200
    body = response.content.decode()
    assert "Confirm my signature" in body and 'method="post"' in body
    signature.refresh_from_db()
    assert signature.status == Signature.Status.PENDING
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_post_confirms_and_the_count_includes_the_signature(
    client, petition, signed, django_capture_on_commit_callbacks
):
    signature, urls = signed
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(urls["confirm"])
    assert response.status_code == 200
    assert "Your signature is confirmed" in response.content.decode()
    signature.refresh_from_db()
    assert signature.status == Signature.Status.CONFIRMED
    assert signature.confirmed_at is not None
    services.counts_refresh()
    assert selectors.petition_tally(petition).count == 1
    # Confirming twice changes nothing.
    client.post(urls["confirm"])
    assert Signature.objects.filter(status=Signature.Status.CONFIRMED).count() == 1


@pytest.mark.django_db
def test_withdrawing_takes_the_signature_out_of_the_count_and_deletes_personal_data(
    client, petition, signed, django_capture_on_commit_callbacks
):
    signature, urls = signed
    with django_capture_on_commit_callbacks(execute=True):
        client.post(urls["confirm"])
    services.counts_refresh()
    assert selectors.petition_tally(petition).count == 1
    page = client.get(urls["withdraw"])
    assert "Withdraw my signature" in page.content.decode()
    signature.refresh_from_db()
    assert signature.status == Signature.Status.CONFIRMED  # a GET withdraws nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(urls["withdraw"])
    assert "Your signature is withdrawn" in response.content.decode()
    signature.refresh_from_db()
    assert signature.status == Signature.Status.WITHDRAWN
    assert (signature.name, signature.email, signature.department) == ("", None, "")
    services.counts_refresh()
    assert selectors.petition_tally(petition).count == 0
    # A withdrawn signature can't be confirmed again, and the person may sign afresh.
    again = client.post(urls["confirm"])
    assert again.status_code == 410
    assert "There is nothing to confirm" in again.content.decode()
    client.post(sign_url(petition), sign_data())
    assert Signature.objects.filter(status=Signature.Status.PENDING).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "mangle",
    [
        lambda token, pk: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token, pk: signing.b62_encode(pk + 1) + "_" + token.split("_", 1)[1],
        lambda token, pk: "not-a-token",
        lambda token, pk: make_token(pk + 1, CONFIRM),
        lambda token, pk: make_token(pk, WITHDRAW),  # the right id, the wrong purpose
    ],
)
def test_tampered_token_is_a_404_that_reveals_nothing(client, petition, signed, mangle):
    signature, urls = signed
    token = urls["confirm"].rstrip("/").rsplit("/", 1)[1]
    bad = urls["confirm"].replace(token, mangle(token, signature.pk))
    for response in (client.get(bad), client.post(bad)):
        assert response.status_code == 404
        body = response.content.decode()
        assert "Rosa" not in body and "rosa@example.org" not in body
    signature.refresh_from_db()
    assert signature.status == Signature.Status.PENDING


@pytest.mark.django_db
def test_token_for_one_petition_does_not_work_on_another(client, home, petition, signed):
    _, urls = signed
    other = make_petition(home, slug="heat-plan", translate=False)
    token = urls["confirm"].rstrip("/").rsplit("/", 1)[1]
    assert client.get(other.url + f"confirm/{token}/").status_code == 404


@pytest.mark.django_db
def test_unconfirmed_signatures_expire_but_confirmed_ones_stay(petition, signed):
    signature, _ = signed
    kept = Signature.objects.create(
        petition=petition,
        name="Kofi Mensah",
        email="kofi@example.org",
        status=Signature.Status.CONFIRMED,
        confirmed_at=timezone.now(),
        created_at=timezone.now() - datetime.timedelta(days=30),
    )
    assert services.signatures_expire() == 0  # not old enough yet
    later = timezone.now() + datetime.timedelta(days=services.SIGNATURE_PENDING_DAYS, hours=1)
    assert services.signatures_expire(now=later) == 1
    assert list(Signature.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not Signature.objects.filter(pk=signature.pk).exists()
