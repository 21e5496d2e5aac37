"""Forms on cached pages: the browser's Origin / Sec-Fetch-Site decide, and signed-in
visitors also need Django's token (core.csrf)."""

import logging

import pytest
from django.test import Client

from core.tokens import make_token
from petitions.models import Signature
from petitions.tokens import CONFIRM
from tests.factories import UserFactory
from tests.petitions.conftest import sign_data

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


def sign(client, petition, headers, **data):
    return client.post(petition.url + "sign/", sign_data(**data), **headers)


def test_cross_site_post_is_refused_with_a_clear_403_and_nothing_stored(client, petition):
    response = sign(
        client,
        petition,
        {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"},
    )
    assert response.status_code == 403
    assert b"This form could not be sent" in response.content
    assert b"reload the page" in response.content
    assert "no-store" in response["Cache-Control"]
    assert not Signature.objects.exists()


def test_cross_site_refusal_is_in_the_visitors_language(client, petition):
    es_page = petition.get_translations().get()
    response = client.post(
        es_page.url + "sign/",
        sign_data(language="es"),
        HTTP_ORIGIN="https://evil.example",
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    assert response.status_code == 403
    assert b"No se pudo enviar este formulario" in response.content


def test_same_site_but_other_origin_post_is_refused(client, petition):
    # A sibling subdomain is "same-site", not "same-origin": it could be anyone's.
    response = sign(
        client,
        petition,
        {"HTTP_ORIGIN": "http://blog.testserver", "HTTP_SEC_FETCH_SITE": "same-site"},
    )
    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_old_browser_post_from_another_origin_without_sec_fetch_site_is_refused(client, petition):
    response = sign(client, petition, {"HTTP_ORIGIN": "https://evil.example"})
    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_origin_null_is_refused(client, petition):
    response = sign(client, petition, {"HTTP_ORIGIN": "null"})
    assert response.status_code == 403


def test_same_origin_anonymous_post_without_a_token_is_accepted(petition):
    client = Client(enforce_csrf_checks=True)
    response = sign(client, petition, SAME_ORIGIN)
    assert response.status_code == 302
    assert response["Location"].endswith("/signed/")
    assert Signature.objects.filter(email="rosa@example.org").count() == 1


def test_old_browser_same_origin_post_with_origin_only_is_accepted(petition):
    client = Client(enforce_csrf_checks=True)
    response = sign(client, petition, {"HTTP_ORIGIN": "http://testserver"})
    assert response.status_code == 302
    assert Signature.objects.count() == 1


def test_post_without_origin_or_sec_fetch_site_is_accepted_as_a_non_browser_request(petition):
    # Every browser sends Origin on a cross-origin POST; a request with neither header is a
    # script or curl, which carries no visitor's cookies to abuse.
    client = Client(enforce_csrf_checks=True)
    response = sign(client, petition, {})
    assert response.status_code == 302
    assert Signature.objects.count() == 1


def test_trusted_origin_is_accepted(settings, petition):
    settings.CSRF_TRUSTED_ORIGINS = ["https://hall.example.org"]
    client = Client(enforce_csrf_checks=True)
    response = sign(
        client,
        petition,
        {"HTTP_ORIGIN": "https://hall.example.org", "HTTP_SEC_FETCH_SITE": "cross-site"},
    )
    assert response.status_code == 302


def test_signed_in_same_origin_post_without_the_token_is_refused(petition):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    response = sign(client, petition, SAME_ORIGIN)
    assert response.status_code == 403
    assert b"older than your sign-in" in response.content
    assert not Signature.objects.exists()


def test_signed_in_post_with_the_token_from_the_page_is_accepted(petition):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    page = client.get(petition.url)
    token = page.content.split(b'name="csrfmiddlewaretoken" value="')[1].split(b'"')[0]
    response = client.post(
        petition.url + "sign/",
        {**sign_data(), "csrfmiddlewaretoken": token.decode()},
        **SAME_ORIGIN,
    )
    assert response.status_code == 302
    assert Signature.objects.count() == 1


def test_refusal_log_names_neither_the_path_nor_its_token(client, petition, caplog):
    from petitions import services

    services.signature_create(
        petition=petition,
        name="Rosa Delgado",
        email="rosa@example.org",
        department="",
        name_display="initial",
        language="en",
    )
    signature = Signature.objects.get()
    token = make_token(signature.pk, CONFIRM)
    with caplog.at_level(logging.DEBUG):
        response = client.post(
            petition.url + f"confirm/{token}/",
            HTTP_ORIGIN="https://evil.example",
            HTTP_SEC_FETCH_SITE="cross-site",
        )
    assert response.status_code == 403
    assert caplog.records, "the refusal is logged"
    for record in caplog.records:
        assert token not in record.getMessage()
        assert "confirm" not in record.getMessage()
    signature.refresh_from_db()
    assert signature.status == Signature.Status.PENDING
