"""Failed-login limits stop a guesser without letting a stranger lock a steward out."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.core import mail
from django.core.cache import cache
from django.test import Client

from tests.factories import TEST_PASSWORD, RoleFactory, UserFactory

ATTACKER = "203.0.113.66"
STEWARD_HOME = "198.51.100.7"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def steward_account(db, home):
    user = UserFactory(email="steward@local1017.example")
    RoleFactory(user=user)
    TOTP.activate(user, SECRET)
    return user


def log_in(client: Client, address: str, password: str):
    return client.post(
        "/accounts/login/",
        {"login": "steward@local1017.example", "password": password},
        REMOTE_ADDR=address,
    )


def lock_out(address: str) -> None:
    attacker = Client()
    for _ in range(6):
        log_in(attacker, address, "not-the-password")


def code() -> str:
    return format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))


@pytest.mark.django_db
def test_stranger_wrong_passwords_do_not_keep_the_steward_out(steward_account):
    lock_out(ATTACKER)
    steward = Client()
    response = log_in(steward, STEWARD_HOME, TEST_PASSWORD)
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/2fa/authenticate/")
    steward.post("/accounts/2fa/authenticate/", {"code": code()}, REMOTE_ADDR=STEWARD_HOME)
    assert steward.session["_auth_user_id"] == str(steward_account.pk)


@pytest.mark.django_db
def test_the_guesser_is_still_throttled_even_with_the_right_password(steward_account):
    lock_out(ATTACKER)
    attacker = Client()
    response = log_in(attacker, ATTACKER, TEST_PASSWORD)
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in attacker.session


@pytest.mark.django_db
def test_guessing_many_accounts_from_one_address_is_throttled(db, home):
    for n in range(3):
        UserFactory(email=f"member{n}@example.org")
    guesser = Client()
    refused = 0
    for attempt in range(12):
        response = guesser.post(
            "/accounts/login/",
            {"login": f"member{attempt % 3}@example.org", "password": "wrong-pass"},
            REMOTE_ADDR=ATTACKER,
        )
        refused += "Too many failed login attempts" in response.content.decode()
    assert refused >= 2  # the per-address limit: 10 a minute across accounts


@pytest.mark.django_db
def test_a_password_reset_clears_the_lock_for_the_address_it_is_finished_from(
    steward_account, django_capture_on_commit_callbacks
):
    lock_out(ATTACKER)
    # The steward shares the attacker's address (the same workplace network).
    steward = Client(REMOTE_ADDR=ATTACKER)
    with django_capture_on_commit_callbacks(execute=True):
        steward.post("/accounts/password/reset/", {"email": "steward@local1017.example"})
    body = next(m for m in mail.outbox if m.to == ["steward@local1017.example"]).body
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/[^\s]+)", body).group(1)
    form = steward.get(link, follow=True)
    new_password = "a-brand-new-pass-phrase"
    steward.post(form.redirect_chain[-1][0], {"password1": new_password, "password2": new_password})
    response = log_in(steward, ATTACKER, new_password)
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/2fa/authenticate/")


@pytest.mark.django_db
def test_rate_limit_keys_hold_no_raw_address(steward_account):
    lock_out(ATTACKER)
    keys = [k.decode() for k in cache._cache.get_client(None).keys("*")]
    assert any(":rl:" in k for k in keys)
    assert not any(ATTACKER in k for k in keys)
