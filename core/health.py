"""The health check: whether the database and the cache answer, and nothing else."""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from .cache import no_store

logger = logging.getLogger(__name__)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means "not reachable"; the type is logged, not shown
        logger.exception("health check: database unreachable")
        return False


def cache_ok() -> bool:
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:
        logger.exception("health check: cache unreachable")
        return False


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database and Redis answer, 503 otherwise. Says nothing else."""
    checks = {"database": database_ok(), "cache": cache_ok()}
    healthy = all(checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        **{k: "ok" if v else "down" for k, v in checks.items()},
    }
    return no_store(JsonResponse(body, status=200 if healthy else 503))
