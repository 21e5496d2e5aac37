"""The test suite: PostgreSQL and Redis as in production, email kept in the outbox."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key-not-for-production"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ANYMAIL = {**ANYMAIL, "MAILGUN_WEBHOOK_SIGNING_KEY": "test-webhook-signing-key"}  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests read a page, change rows and read it again; tests/core turns the page cache on.
PAGE_CACHE = False
# The live server's thread must not keep a connection open past a test.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
