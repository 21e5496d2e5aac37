"""The lean signing path: `<petition>/sign/` answered from cached signing facts, and the
time-to-fill token's reuse limit (core.formguard)."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import formguard
from demo.pages import child_page
from home.models import StandardPage
from petitions import sign_facts
from petitions.models import PetitionPage, Signature
from tests.petitions.conftest import sign_data, sign_url


def started_in(html: str) -> str:
    return re.search(r'name="started" value="([^"]+)"', html).group(1)


@pytest.mark.django_db
def test_a_signature_is_one_insert_no_page_walk_and_no_cookie(client, petition):
    # The first signature builds the petition's signing facts; every later one reads them.
    assert client.post(sign_url(petition), sign_data(email="first@example.org")).status_code == 302
    with CaptureQueriesContext(connection) as captured:
        response = client.post(sign_url(petition), sign_data(email="second@example.org"))
    assert response.status_code == 302
    assert response["Location"] == petition.url + "signed/"
    # Inside the test's transaction the service adds a savepoint; a request has none.
    statements = [
        q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"].upper()
    ]
    assert len(statements) == 1
    assert statements[0].startswith('INSERT INTO "petitions_signature"')
    # Nothing per visitor: no session, no CSRF cookie.
    assert not response.cookies
    assert Signature.objects.filter(petition=petition).count() == 2


@pytest.mark.django_db
def test_the_spanish_path_files_the_signature_under_the_english_petition(client, petition):
    spanish = "/es" + petition.url + "sign/"
    response = client.post(spanish, sign_data(email="ana@example.org", language="es"))
    assert response.status_code == 302
    assert response["Location"].startswith("/es/")
    assert Signature.objects.get().petition_id == petition.pk


@pytest.mark.django_db
def test_closing_the_petition_is_seen_by_the_next_signature(client, petition):
    assert client.post(sign_url(petition), sign_data(email="a@example.org")).status_code == 302
    petition.status = PetitionPage.Status.CLOSED
    petition.save_revision().publish()
    response = client.post(sign_url(petition), sign_data(email="b@example.org"))
    assert response.status_code == 409
    assert "This petition is closed" in response.content.decode()
    assert Signature.objects.count() == 1


@pytest.mark.django_db
def test_unpublishing_the_petition_stops_signing(client, petition):
    assert client.post(sign_url(petition), sign_data(email="a@example.org")).status_code == 302
    petition.unpublish()
    assert client.post(sign_url(petition), sign_data(email="b@example.org")).status_code == 404
    assert Signature.objects.count() == 1


@pytest.mark.django_db
def test_a_page_called_sign_that_is_no_petition_is_still_served_by_wagtail(client, home):
    about = child_page(home, StandardPage, slug="access-services", title="Access services")
    child_page(about, StandardPage, slug="sign", title="Sign language interpreters")
    response = client.get("/access-services/sign/")
    assert response.status_code == 200
    assert "Sign language interpreters" in response.content.decode()
    assert client.post("/access-services/nothing-here/sign/", {}).status_code == 404


@pytest.mark.django_db
def test_the_facts_record_is_rebuilt_after_a_publish(client, petition):
    client.post(sign_url(petition), sign_data(email="a@example.org"))
    version = cache.get(sign_facts.VERSION_KEY, 0)
    petition.save_revision().publish()
    assert cache.get(sign_facts.VERSION_KEY) == version + 1


@pytest.mark.django_db
def test_a_token_reused_past_the_limit_is_refused_with_a_fresh_token(client, petition, settings):
    settings.FORMGUARD_REUSE_LIMIT = 3
    token = sign_data()["started"]
    ip = "203.0.113.20"
    statuses = [
        client.post(
            sign_url(petition), sign_data(email=f"w{n}@example.org", started=token), REMOTE_ADDR=ip
        ).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 302]
    refused = client.post(
        sign_url(petition), sign_data(email="w4@example.org", started=token), REMOTE_ADDR=ip
    )
    body = refused.content.decode()
    assert refused.status_code == 400
    assert "This form has been sent too many times from your network" in body
    # The answers come back with a fresh token, which works once the form is old enough.
    assert 'value="w4@example.org"' in body
    fresh = started_in(body)
    assert fresh != token
    assert formguard.token_check(refused.wsgi_request, fresh, scope="x", now=10**10) is (
        formguard.Verdict.INVALID
    )
    assert Signature.objects.count() == 3
    # Another address has a counter of its own (the break-room trade-off, see core.formguard).
    other = client.post(
        sign_url(petition),
        sign_data(email="w5@example.org", started=token),
        REMOTE_ADDR="198.51.100.9",
    )
    assert other.status_code == 302


@pytest.mark.django_db
def test_the_reuse_refusal_is_in_spanish_on_the_spanish_page(client, petition, settings):
    settings.FORMGUARD_REUSE_LIMIT = 1
    token = sign_data()["started"]
    spanish = "/es" + petition.url + "sign/"
    first = client.post(spanish, sign_data(email="a@example.org", started=token, language="es"))
    assert first.status_code == 302
    again = client.post(spanish, sign_data(email="b@example.org", started=token, language="es"))
    assert again.status_code == 400
    assert "Este formulario se ha enviado demasiadas veces desde su red" in again.content.decode()


@pytest.mark.django_db
def test_the_reuse_counter_keeps_no_address_and_expires_with_the_token(rf, settings):
    request = rf.post("/", REMOTE_ADDR="203.0.113.55")
    token = formguard.token_issue(at=1_000_000)
    assert formguard.token_check(request, token, scope="t", now=1_000_010) is formguard.Verdict.OK
    keys = [k.decode() for k in cache._cache.get_client().keys("*fg:t:*")]
    assert len(keys) == 1 and "203.0.113.55" not in keys[0]
    ttl = cache._cache.get_client().ttl(keys[0])
    assert 0 < ttl <= formguard.MAX_AGE_SECONDS - 10 + 5


@pytest.mark.django_db
def test_tokens_are_refused_when_too_fresh_forged_or_too_old(rf):
    request = rf.post("/")
    token = formguard.token_issue(at=1_000_000)
    check = formguard.token_check
    assert check(request, token, scope="t", now=1_000_001) is formguard.Verdict.TOO_FAST
    assert check(request, token + "x", scope="t", now=1_000_010) is formguard.Verdict.INVALID
    assert check(request, "", scope="t", now=1_000_010) is formguard.Verdict.INVALID
    too_old = 1_000_000 + formguard.MAX_AGE_SECONDS + 1
    assert check(request, token, scope="t", now=too_old) is formguard.Verdict.INVALID
