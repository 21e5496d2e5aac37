"""Emailed links are single-purpose and expire: an expired, other-purpose or used link does
nothing, and says so plainly (issue 10, item 1)."""

import datetime
import re
import time

import pytest
from django.utils import timezone

from core.tokens import make_token
from petitions.models import Signature
from petitions.tokens import CONFIRM, WITHDRAW, WITHDRAW_MAX_AGE
from tests.petitions.conftest import sign_data, sign_url


def links(email) -> dict[str, str]:
    found = dict(re.findall(r"https?://[^/\s]+(/\S*?/(confirm|withdraw)/[^/\s]+/)", email.body))
    return {kind: path for path, kind in found.items()}


def url_for(page, route: str, token: str) -> str:
    return page.url + page.reverse_subpage(route, args=[token]).lstrip("/")


@pytest.fixture
def signed(client, petition, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sign_url(petition), sign_data())
    return Signature.objects.get()


def assert_plain_and_anonymous(response, status: int, message: str) -> None:
    assert response.status_code == status
    body = response.content.decode()
    assert message in body
    assert "Rosa" not in body and "rosa@example.org" not in body and "Inbound" not in body
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_expired_confirm_link_does_nothing_and_says_it_expired(client, petition, signed):
    old = make_token(signed.pk, CONFIRM, at=time.time() - 8 * 86400)
    for response in (
        client.get(url_for(petition, "confirm", old)),
        client.post(url_for(petition, "confirm", old)),
    ):
        assert_plain_and_anonymous(response, 410, "This link has expired")
    signed.refresh_from_db()
    assert signed.status == Signature.Status.PENDING


@pytest.mark.django_db
def test_withdraw_link_expires_after_the_cap_even_on_an_open_petition(client, petition, signed):
    signed.status = Signature.Status.CONFIRMED
    signed.save()
    old = make_token(signed.pk, WITHDRAW, at=time.time() - WITHDRAW_MAX_AGE - 60)
    response = client.post(url_for(petition, "withdraw", old))
    assert_plain_and_anonymous(response, 410, "This link has expired")
    signed.refresh_from_db()
    assert signed.status == Signature.Status.CONFIRMED and signed.name == "Rosa Delgado"


@pytest.mark.django_db
def test_withdraw_link_ends_when_the_petitions_signer_data_is_purged(client, petition, signed):
    """A closed petition's retention period ends every withdraw link, however fresh."""
    petition.closes_on = timezone.localdate() - datetime.timedelta(days=10)
    petition.retention_days = 5
    petition.save()
    fresh = make_token(signed.pk, WITHDRAW)
    response = client.post(url_for(petition, "withdraw", fresh))
    assert_plain_and_anonymous(response, 410, "This link has expired")
    signed.refresh_from_db()
    assert signed.status == Signature.Status.PENDING and signed.email == "rosa@example.org"
    # Within the retention period the same link works.
    petition.retention_days = 30
    petition.save()
    response = client.post(url_for(petition, "withdraw", fresh))
    assert "Your signature is withdrawn" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "purpose"), [("confirm", WITHDRAW), ("withdraw", CONFIRM)])
def test_a_token_made_for_one_purpose_does_nothing_for_the_other(
    client, petition, signed, route, purpose
):
    response = client.post(url_for(petition, route, make_token(signed.pk, purpose)))
    assert_plain_and_anonymous(response, 404, "This link is not valid")
    signed.refresh_from_db()
    assert signed.status == Signature.Status.PENDING


@pytest.mark.django_db
def test_a_used_confirm_link_does_nothing_and_says_it_was_used(
    client, petition, signed, mailoutbox
):
    url = links(mailoutbox[0])["confirm"]
    assert "Your signature is confirmed" in client.post(url).content.decode()
    confirmed_at = Signature.objects.get().confirmed_at
    for response in (client.get(url), client.post(url)):
        assert_plain_and_anonymous(response, 410, "This link has already been used")
    assert Signature.objects.get().confirmed_at == confirmed_at


@pytest.mark.django_db
def test_a_used_withdraw_link_says_there_is_nothing_to_withdraw(
    client, petition, signed, mailoutbox
):
    url = links(mailoutbox[0])["withdraw"]
    assert "Your signature is withdrawn" in client.post(url).content.decode()
    for response in (client.get(url), client.post(url)):
        assert_plain_and_anonymous(response, 410, "There is nothing to withdraw")


@pytest.mark.django_db
def test_confirm_link_after_withdrawing_is_a_clear_page_not_a_bare_404(
    client, petition, signed, mailoutbox
):
    urls = links(mailoutbox[0])
    client.post(urls["withdraw"])
    response = client.get(urls["confirm"])
    assert_plain_and_anonymous(response, 410, "There is nothing to confirm")
    assert "sign again" in response.content.decode()


@pytest.mark.django_db
def test_signing_again_sends_fresh_links_that_work_when_the_old_ones_expired(
    client, petition, signed, mailoutbox, django_capture_on_commit_callbacks
):
    Signature.objects.filter(pk=signed.pk).update(
        status=Signature.Status.CONFIRMED, confirmed_at=timezone.now()
    )
    old = make_token(signed.pk, WITHDRAW, at=time.time() - WITHDRAW_MAX_AGE - 60)
    assert client.get(url_for(petition, "withdraw", old)).status_code == 410
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sign_url(petition), sign_data(started=sign_data()["started"]))
    assert len(mailoutbox) == 2 and "already signed" in mailoutbox[1].body
    fresh = links(mailoutbox[1])["withdraw"]
    assert "Your signature is withdrawn" in client.post(fresh).content.decode()
    assert Signature.objects.get().status == Signature.Status.WITHDRAWN


@pytest.mark.django_db
def test_link_problem_page_is_translated(client, petition, signed):
    spanish = petition.get_translations().get()
    old = make_token(signed.pk, CONFIRM, at=time.time() - 8 * 86400)
    response = client.get(url_for(spanish, "confirm", old))
    assert response.status_code == 410
    assert "Este enlace ha vencido" in response.content.decode()
