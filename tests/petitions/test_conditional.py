"""Conditional signatures: counted separately, promoted once their condition holds, once."""

import pytest
from django.utils import timezone

from petitions import services
from petitions.models import PetitionCount, Signature

from .conftest import make_petition, sign_data, sign_url


def add(page, email, *, waits_for=None):
    return Signature.objects.create(
        petition=page,
        name=f"Worker {email}",
        email=email,
        name_display="full",
        status="confirmed",
        confirmed_at=timezone.now(),
        waits_for=waits_for,
    )


@pytest.mark.django_db
def test_sign_form_stores_the_condition_and_it_is_counted_apart(client, home):
    page = make_petition(home, conditional_signing=True)
    data = sign_data(conditional="on", waits_for="3")
    assert client.post(sign_url(page), data).status_code == 302
    signature = Signature.objects.get()
    assert signature.waits_for == 3
    Signature.objects.filter(pk=signature.pk).update(
        status="confirmed", confirmed_at=timezone.now()
    )
    services.counts_refresh(petition_ids=[page.pk])
    stored = PetitionCount.objects.get(petition_id=page.pk)
    assert (stored.confirmed, stored.conditional) == (0, 1)
    body = client.get(page.url).content.decode()
    assert "1 more will count when enough coworkers have signed." in body
    assert '"conditional": 1' in client.get(page.url + "count/").content.decode()


@pytest.mark.django_db
def test_a_condition_without_a_number_and_no_threshold_is_refused_beside_the_field(client, home):
    page = make_petition(home, conditional_signing=True)
    response = client.post(sign_url(page), sign_data(conditional="on"))
    assert response.status_code == 400
    assert "Say how many coworkers must sign" in response.content.decode()
    assert not Signature.objects.exists()


@pytest.mark.django_db
def test_promoted_when_met_and_idempotent(home):
    page = make_petition(home, conditional_signing=True)
    waiting = add(page, "w@example.org", waits_for=3)
    add(page, "a@example.org")
    services.counts_refresh(petition_ids=[page.pk])
    waiting.refresh_from_db()
    assert waiting.waits_for == 3
    add(page, "b@example.org")
    services.counts_refresh(petition_ids=[page.pk])
    waiting.refresh_from_db()
    assert waiting.waits_for is None and waiting.counted_at is not None
    stored = PetitionCount.objects.get(petition_id=page.pk)
    assert (stored.confirmed, stored.conditional) == (3, 0)
    first_counted = waiting.counted_at
    services.counts_refresh(petition_ids=[page.pk])
    waiting.refresh_from_db()
    assert waiting.counted_at == first_counted
    assert PetitionCount.objects.get(petition_id=page.pk).confirmed == 3


@pytest.mark.django_db
def test_coworkers_waiting_for_each_other_count_together(home):
    page = make_petition(home, conditional_signing=True)
    for i in range(4):
        add(page, f"g{i}@example.org", waits_for=4)
    add(page, "late@example.org", waits_for=10)
    services.counts_refresh(petition_ids=[page.pk])
    stored = PetitionCount.objects.get(petition_id=page.pk)
    assert (stored.confirmed, stored.conditional) == (4, 1)


@pytest.mark.django_db
def test_no_threshold_given_waits_for_the_seal_threshold(client, home):
    page = make_petition(home, conditional_signing=True, seal_threshold=40)
    assert client.post(sign_url(page), sign_data(conditional="on")).status_code == 302
    assert Signature.objects.get().waits_for == 40
