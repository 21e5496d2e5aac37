"""Settings: production refuses to start without its secrets and passes the deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from unionhall.settings.base import env_bool

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "unionhall.settings.production",
    "SECRET_KEY": "a-production-like-secret-" + "x" * 40,
    "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/unionhall"),
    "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
    "ALLOWED_HOSTS": "hall.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://hall.example.org",
    "SITE_URL": "https://hall.example.org",
    "DEFAULT_FROM_EMAIL": "hall@example.org",
    "MAILGUN_API_KEY": "key-123",
    "MAILGUN_SENDER_DOMAIN": "mg.example.org",
    "MAILGUN_WEBHOOK_SIGNING_KEY": "signing-123",
}
REQUIRED = [
    "SECRET_KEY",
    "DATABASE_URL",
    "REDIS_URL",
    "SITE_URL",
    "DEFAULT_FROM_EMAIL",
    "MAILGUN_API_KEY",
    "MAILGUN_SENDER_DOMAIN",
    "MAILGUN_WEBHOOK_SIGNING_KEY",
]


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", REQUIRED)
def test_production_refuses_to_start_without_a_secret_and_names_it(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"The environment variable {missing} is not set" in result.stderr


def test_production_passes_the_deploy_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_sends_hsts_and_secure_cookies():
    script = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_SSL_REDIRECT, s.DEBUG)"
    )
    result = manage("shell", "-v", "0", "-c", script, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["31536000", "True", "True", "True", "False"]


@pytest.mark.parametrize(("typed", "redirect"), [("True", "True"), ("FALSE", "False")])
def test_production_reads_ssl_redirect_true_or_false_in_any_case(typed, redirect):
    script = "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT)"
    env = {**PRODUCTION_ENV, "SECURE_SSL_REDIRECT": typed}
    result = manage("shell", "-v", "0", "-c", script, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [redirect]


def test_production_refuses_to_start_on_a_switch_that_is_neither_true_nor_false():
    result = manage("check", env={**PRODUCTION_ENV, "SECURE_SSL_REDIRECT": "maybe"})
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT is 'maybe'; it must be true or false" in result.stderr


@pytest.mark.parametrize(("typed", "value"), [("true", True), ("False", False), (None, True)])
def test_env_bool_reads_true_or_false_and_the_default_when_unset(monkeypatch, typed, value):
    if typed is None:
        monkeypatch.delenv("PAGE_CACHE", raising=False)
    else:
        monkeypatch.setenv("PAGE_CACHE", typed)
    assert env_bool("PAGE_CACHE", True) is value


@pytest.mark.parametrize("typed", ["maybe", "yes", "1", "on"])
def test_env_bool_refuses_anything_but_true_or_false(monkeypatch, typed):
    monkeypatch.setenv("PAGE_CACHE", typed)
    with pytest.raises(ImproperlyConfigured, match="PAGE_CACHE .* must be true or false"):
        env_bool("PAGE_CACHE", True)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/es/", "/accounts/login/", "/search/?q=x", "/healthz"])
def test_every_response_carries_a_strict_content_security_policy(client, home, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "object-src 'none'" in policy


@pytest.mark.django_db
def test_public_pages_load_nothing_from_other_sites(client, home):
    body = client.get("/").content.decode()
    for marker in ("http://", "https://", "//cdn", "googleapis", "gstatic"):
        assert f'src="{marker}' not in body and f'href="{marker}' not in body.replace(
            'href="http://testserver', ""
        )
