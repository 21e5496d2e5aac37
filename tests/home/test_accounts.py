"""Accounts: sign up, verify by email, log in, turn on MFA, log in with a second factor."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth import get_user_model
from django.core import mail

from tests.factories import TEST_PASSWORD, UserFactory, steward

PASSWORD = "a-long-and-new-pass-phrase"


def current_totp(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def link_in(message, pattern: str) -> str:
    match = re.search(r"https?://[^/\s]+(" + pattern + r"[^\s\"<]*)", message.body)
    assert match, message.body
    return match.group(1)


@pytest.mark.django_db
def test_sign_up_verify_log_in_and_turn_on_mfa(client, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/signup/",
            {"email": "New.Steward@Example.org", "password1": PASSWORD, "password2": PASSWORD},
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == ["new.steward@example.org"]
    assert confirmation.alternatives and "text/html" in confirmation.alternatives[0][1]

    # Unverified: the password alone does not log in.
    client.post("/accounts/login/", {"login": "new.steward@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session

    # The link's GET only shows a button; the POST confirms (safe from mail scanners).
    confirm_path = link_in(confirmation, "/accounts/confirm-email/")
    assert client.get(confirm_path).status_code == 200
    user = get_user_model().objects.get(email__iexact="new.steward@example.org")
    assert not user.emailaddress_set.get().verified
    client.post(confirm_path)
    assert user.emailaddress_set.get().verified

    response = client.post(
        "/accounts/login/", {"login": "new.steward@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)

    # Turning on TOTP asks for the password again, then issues a secret.
    response = client.get("/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    client.post(response["Location"], {"password": PASSWORD})
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post("/accounts/2fa/totp/activate/", {"code": current_totp(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    codes_page = client.get("/accounts/2fa/recovery-codes/")
    recovery_code = codes_page.context["unused_codes"][0]

    # Next time, the password is not enough: a second factor is asked for.
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "new.steward@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    response = client.post("/accounts/2fa/authenticate/", {"code": recovery_code})
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_password_reset_does_not_reveal_whether_an_account_exists(
    client, home, django_capture_on_commit_callbacks
):
    UserFactory(email="known@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/accounts/password/reset/", {"email": "known@example.org"})
        unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    reset = next(m for m in mail.outbox if m.to == ["known@example.org"])
    assert "/accounts/password/reset/key/" in reset.body


@pytest.mark.django_db
def test_signup_with_a_taken_email_looks_the_same_as_a_new_one(
    client, home, django_capture_on_commit_callbacks
):
    UserFactory(email="taken@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/signup/",
            {"email": "taken@example.org", "password1": PASSWORD, "password2": PASSWORD},
        )
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/confirm-email/")
    assert get_user_model().objects.filter(email__iexact="taken@example.org").count() == 1


@pytest.mark.django_db
def test_failed_logins_are_rate_limited(client, home):
    UserFactory(email="target@example.org")
    for _ in range(6):
        client.post("/accounts/login/", {"login": "target@example.org", "password": "wrong-pass"})
    # Even the right password is refused until the limit expires.
    response = client.post(
        "/accounts/login/", {"login": "target@example.org", "password": TEST_PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


@pytest.mark.django_db
def test_wagtail_admin_login_goes_through_allauth(client, home):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_admin_without_mfa_is_sent_to_set_it_up(client, home):
    admin = UserFactory(is_superuser=True, is_staff=True, mfa=False)
    client.force_login(admin)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")


@pytest.mark.django_db
def test_admin_with_mfa_reaches_the_dashboard(client, home):
    admin = UserFactory(is_superuser=True, is_staff=True, mfa=True)
    client.force_login(admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    # No avatar from a third party tells it who uses the admin.
    assert "gravatar" not in response.content.decode()


@pytest.mark.django_db
def test_account_home_lists_the_locals_a_steward_holds(client, home):
    user = steward(mfa=False)
    client.force_login(user)
    response = client.get("/accounts/home/")
    assert response.status_code == 200
    assert user.union_roles.get().local.display_name in response.content.decode()
    assert "Two-factor authentication is off" in response.content.decode()
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    )


def test_test_password_is_not_the_demo_password():
    from demo.pages import DEMO_PASSWORD

    assert TEST_PASSWORD != DEMO_PASSWORD
