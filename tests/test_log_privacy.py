"""The log keeps no token, email or name: a coworker's and an endorser's journeys, a CSRF
failure, a 404 and a 500, with every logger at DEBUG, leave nothing of theirs in any record.
"""

import logging
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import path

from petitions.models import Signature
from tests.campaigns.conftest import day, index  # noqa: F401 (fixtures)
from tests.campaigns.test_endorse import FORM as ENDORSE_FORM
from tests.campaigns.test_endorse import link_in as endorsement_link_in
from tests.petitions.conftest import petition, sign_data, sign_url  # noqa: F401

SIGNER_NAME = "Rosa Delgado"
SIGNER_EMAIL = "rosa.delgado@example.org"
CONTACT_NAME = "Lena Ortiz"
CONTACT_EMAIL = "lena@eastside.example"


def boom(request, token):
    """A test-only route that fails the way a bug would: with personal data in its error."""
    raise RuntimeError(f"could not withdraw {token} for {SIGNER_NAME} <{SIGNER_EMAIL}>")


def _project_urls():
    from unionhall.urls import urlpatterns

    return list(urlpatterns)


urlpatterns = [path("boom/<str:token>/", boom)] + _project_urls()


@pytest.fixture
def every_logger_at_debug(caplog):
    """Root and every logger that exists at DEBUG (the settings keep some quieter)."""
    caplog.set_level(logging.DEBUG)
    names = [""] + list(logging.root.manager.loggerDict)
    for name in names:
        if isinstance(logging.getLogger(name), logging.Logger):
            caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def record_texts(record: logging.LogRecord) -> list[str]:
    texts = [record.getMessage(), record.exc_text or "", record.stack_info or ""]
    texts.append(logging.Formatter().format(record))
    texts += [repr(record.args)]
    texts += [str(v) for v in vars(record).values() if isinstance(v, str)]
    return texts


def assert_clean(caplog, secrets: list[str]) -> None:
    assert caplog.records, "nothing was logged: the test would prove nothing"
    for record in caplog.records:
        for text in record_texts(record):
            for secret in secrets:
                assert secret.lower() not in text.lower(), (record.name, text)
    for secret in secrets:
        assert secret.lower() not in caplog.text.lower()


def links(message) -> dict[str, str]:
    found = re.findall(r"https?://[^/\s]+(/\S*?/(confirm|withdraw)/([^/\s]+)/)", message.body)
    return {kind: (url, token) for url, kind, token in found}


@pytest.mark.django_db
def test_signing_confirming_withdrawing_and_endorsing_log_nothing_personal(
    petition,  # noqa: F811 (the fixture imported above)
    day,  # noqa: F811
    every_logger_at_debug,
    django_capture_on_commit_callbacks,
):
    caplog = every_logger_at_debug
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sign_url(petition), sign_data(name=SIGNER_NAME, email=SIGNER_EMAIL))
    assert Signature.objects.get().name == SIGNER_NAME
    found = links(mail.outbox[0])
    (confirm_url, confirm_token), (withdraw_url, withdraw_token) = (
        found["confirm"],
        found["withdraw"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(confirm_url).status_code == 200
        assert client.post(confirm_url).status_code == 200
        assert client.get(withdraw_url).status_code == 200

    # A cross-site POST with no CSRF token: refused, whichever check refuses it.
    guarded = Client(enforce_csrf_checks=True)
    refused = guarded.post(withdraw_url, {}, headers={"Origin": "https://evil.example"})
    assert refused.status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(withdraw_url).status_code == 200
    assert Signature.objects.get().status == Signature.Status.WITHDRAWN

    # A tampered link is a 404, which Django's request logger reports with its path.
    tampered = withdraw_url.replace(withdraw_token, withdraw_token[:-4] + "AAAA")
    assert client.get(tampered).status_code == 404
    assert any(r.name == "django.request" and "Not Found" in r.getMessage() for r in caplog.records)

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(day.url + "endorse/", ENDORSE_FORM).status_code == 302
    endorsement_link = endorsement_link_in(mail.outbox[-1])
    endorsement_token = endorsement_link.rstrip("/").rsplit("/", 1)[1]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(endorsement_link).status_code == 200
        client.post(endorsement_link, {"action": "confirm"})
    assert client.get(endorsement_link.replace(endorsement_token, "1-0")).status_code == 404

    assert_clean(
        caplog,
        [
            confirm_token,
            withdraw_token,
            withdraw_token[:-4],
            endorsement_token,
            SIGNER_NAME,
            SIGNER_EMAIL,
            CONTACT_NAME,
            CONTACT_EMAIL,
        ],
    )


@pytest.mark.django_db
@pytest.mark.urls("tests.test_log_privacy")
def test_a_500_logs_its_error_without_the_token_email_or_name(home, every_logger_at_debug):
    caplog = every_logger_at_debug
    from core.tokens import make_token
    from petitions.tokens import WITHDRAW

    token = make_token(4242, WITHDRAW)
    client = Client(raise_request_exception=False)
    response = client.get(f"/boom/{token}/")
    assert response.status_code == 500
    errors = [r for r in caplog.records if r.name == "django.request" and r.levelno >= 40]
    assert errors and "Internal Server Error" in errors[0].getMessage()
    assert "RuntimeError" in errors[0].exc_text  # the error is still there to debug
    # The name in an exception can't be recognised by shape; this one is the route's own.
    assert_clean(caplog, [token, SIGNER_EMAIL])
