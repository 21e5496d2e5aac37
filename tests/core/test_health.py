"""/healthz: 200 with the database and Redis up, 503 otherwise, and no secrets."""

import pytest
from django.conf import settings


@pytest.mark.django_db
def test_healthz_is_ok_with_database_and_redis(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_healthz_is_503_when_redis_is_unreachable(client, monkeypatch):
    from django.core.cache.backends.redis import RedisCache

    from core import health as views

    monkeypatch.setattr(views, "cache", RedisCache("redis://127.0.0.1:1/0", {}))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "down"
    body = response.content.decode()
    assert "127.0.0.1:1" not in body and settings.SECRET_KEY not in body


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_is_unreachable(client, monkeypatch):
    from django.db import OperationalError

    from core import health as views

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(views.connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"
    assert settings.DATABASES["default"]["NAME"] not in response.content.decode()
