"""Organizers make and revoke their local's API tokens: shown once, stored only hashed, and
only with two-factor authentication on."""

import hashlib
import re

import pytest
from django.urls import reverse

from exchange.models import ApiToken
from tests.factories import LocalFactory, organizer, steward

pytestmark = pytest.mark.django_db

URL = "/accounts/organize/api-tokens/"


def made_token(html: str) -> str:
    return re.search(r"<code data-token>([^<]+)</code>", html).group(1)


def test_an_organizer_makes_a_token_that_is_shown_once_and_stored_only_hashed(client, local):
    user = organizer(local)
    client.force_login(user)
    page = client.get(URL)
    assert "Make a token" in page.content.decode() and "no-store" in page["Cache-Control"]
    made = client.post(URL, {"local": local.pk, "name": "CRM  sync"})
    html = made.content.decode()
    raw = made_token(html)
    assert raw.startswith("uh_") and len(raw) > 40
    assert "no-store" in made["Cache-Control"]
    token = ApiToken.objects.get()
    assert (token.local, token.name, token.created_by) == (local, "CRM sync", user)
    assert token.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert token.prefix == raw[:10]
    stored = " ".join(str(v) for v in ApiToken.objects.values_list().get())
    assert raw not in stored
    # Shown once: the page never shows it again, only its first characters.
    again = client.get(URL).content.decode()
    assert raw not in again and "data-token>" not in again
    assert f"{token.prefix}…" in again
    api = client.get("/osdi/v1/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.status_code == 200 and api.json()["osdi_version"] == "1.2"


def test_an_organizer_without_two_factor_is_sent_to_set_it_up_and_makes_nothing(client, local):
    client.force_login(organizer(local, mfa=False))
    response = client.post(URL, {"local": local.pk, "name": "CRM"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    assert not ApiToken.objects.exists()


def test_only_an_organizer_of_that_local_may_make_its_token(client, local):
    client.force_login(steward(local))
    assert client.post(URL, {"local": local.pk, "name": "CRM"}).status_code == 403
    client.force_login(organizer(LocalFactory()))
    refused = client.post(URL, {"local": local.pk, "name": "CRM"})
    assert refused.status_code == 400
    assert "Select a valid choice" in refused.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_a_token_stops_it(client, local):
    user = organizer(local)
    client.force_login(user)
    raw = made_token(client.post(URL, {"local": local.pk, "name": "CRM"}).content.decode())
    token = ApiToken.objects.get()
    other = organizer(LocalFactory())
    client.force_login(other)
    assert client.post(f"{URL}{token.pk}/revoke/").status_code == 404
    client.force_login(user)
    response = client.post(f"{URL}{token.pk}/revoke/", follow=True)
    assert "is revoked" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    refused = client.get("/osdi/v1/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert refused.status_code == 401


def test_the_page_speaks_spanish(client, local):
    client.force_login(organizer(local))
    html = client.get("/es" + URL).content.decode()
    assert "Tokens de la API" in html and "Crear un token" in html


def test_the_organize_page_offers_api_tokens_to_organizers_only(client, local):
    client.force_login(organizer(local))
    assert URL in client.get("/accounts/organize/").content.decode()
    client.force_login(steward(local))
    page = client.get("/accounts/organize/").content.decode()
    assert "Signers" in page or "No petition of your locals yet." in page
    assert URL not in page and "API tokens" not in page
