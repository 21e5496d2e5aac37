"""Settings shared by every environment; each value that differs is read from the environment."""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


def env_bool(name: str, default: bool) -> bool:
    """`true` or `false`, in any case. Anything else stops start-up: read as "not true", a
    typo such as `True` or `yes` would quietly switch a security setting off."""
    value = env(name)
    if value is None:
        return default
    if value.lower() not in ("true", "false"):
        raise ImproperlyConfigured(
            f"The environment variable {name} is {value!r}; it must be true or false."
        )
    return value.lower() == "true"


def env_required(name: str) -> str:
    """A secret production can't run without: stop start-up and name it."""
    value = env(name)
    if value is None:
        raise ImproperlyConfigured(
            f"The environment variable {name} is not set. Union Hall will not start without it; "
            "see the Configuration section of README.md."
        )
    return value


SECRET_KEY = env("SECRET_KEY", "insecure-development-key-change-me")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = (env("SITE_URL", "http://127.0.0.1:8000") or "").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL

INSTALLED_APPS = [
    "core",
    "home",
    "unions",
    "documents",
    "resolutions",
    "contracts",
    "petitions",
    "campaigns",
    "exchange",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "anymail",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The page cache (core.pagecache) stores what the cache policy (core.cache) made public;
    # the policy sits outside session, locale and CSRF so it sees what they add. A hit is
    # answered by FetchFromCache before anything that could touch the database.
    "core.pagecache.UpdateCacheMiddleware",
    "core.cache.CachePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.pagecache.FetchFromCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Django's CSRF middleware with an Origin/Sec-Fetch-Site check for anonymous forms.
    "core.csrf.OriginCsrfMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.middleware.AdminPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "unionhall.urls"
WSGI_APPLICATION = "unionhall.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/unionhall"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", "redis://127.0.0.1:6379/0")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "unionhall",
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Languages: every interface string and every email exists in English and Spanish.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# A translation is a draft until it is translated and reviewed: wagtail-localize would
# otherwise publish a new translation (still in the source language) as soon as a live page is
# submitted for translation. Publishing it then goes through the library's review workflow.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("TIME_ZONE", "America/Los_Angeles")

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Union Hall"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_FINDERS: list = []  # embeds would load third-party content
WAGTAIL_USAGE_COUNT_ENABLED = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # avatars from Gravatar would tell it who uses the admin

# Accounts: email login, mandatory verification, MFA, rate limits on the shared cache.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/accounts/home/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_EMAIL_CONFIRMATION_HMAC = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_ADAPTER = "core.accounts.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    # "key" is the account and the client's address (core.accounts.AccountAdapter), so a
    # stranger's wrong passwords lock out only the stranger.
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Union Hall"
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = False

# Email: one path, a Celery task queued on commit, sent through anymail.
EMAIL_BACKEND = "anymail.backends.mailgun.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Union Hall <hall@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ANYMAIL = {
    "MAILGUN_API_KEY": env("MAILGUN_API_KEY", ""),
    "MAILGUN_SENDER_DOMAIN": env("MAILGUN_SENDER_DOMAIN", ""),
    "MAILGUN_API_URL": env("MAILGUN_API_URL", "https://api.mailgun.net/v3"),
    "MAILGUN_WEBHOOK_SIGNING_KEY": env("MAILGUN_WEBHOOK_SIGNING_KEY", ""),
    # Mailgun signs its webhooks; the signature is what we verify.
    "WEBHOOK_SECRET": env("ANYMAIL_WEBHOOK_SECRET"),
}

# Celery on Redis. Tasks take primary keys and are queued on commit.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", REDIS_URL)
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {
    "home.tasks.email_send": {"queue": "email"},  # core.tasks.email_send
    "petitions.tasks.signature_email_send": {"queue": "email"},
    "petitions.tasks.threshold_notice_send": {"queue": "email"},
    "*.tasks.*pdf*": {"queue": "pdf"},
    "*.tasks.counts_*": {"queue": "counts"},
}
CELERY_TIMEZONE = TIME_ZONE
# Beat jobs for every app. An app whose task is named here defines it in <app>/tasks.py.
CELERY_BEAT_SCHEDULE = {
    "petitions-counts-refresh": {
        "task": "petitions.tasks.counts_refresh",
        "schedule": 3.0,
    },
    "petitions-counts-reconcile": {
        "task": "petitions.tasks.counts_reconcile",
        "schedule": crontab(hour=3, minute=15),
    },
    "petitions-signatures-expire": {
        "task": "petitions.tasks.signatures_expire",
        "schedule": crontab(minute=20),
    },
    "petitions-retention-purge": {
        "task": "petitions.tasks.retention_purge",
        "schedule": crontab(hour=3, minute=45),
    },
    "campaigns-reminders-send": {
        "task": "campaigns.tasks.reminders_send",
        "schedule": crontab(hour=9, minute=0),
    },
}

# Privacy: no third-party assets, a strict Content Security Policy everywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail lets its own preview iframe through; nothing else of ours is framed except
# views that opt in (the embeddable counter).
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "core.csrf.csrf_failure"
# The language switch's choice (core.language); it says only "en" or "es".
LANGUAGE_COOKIE_NAME = "django_language"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Public pages are cached: Varnish or a CDN in front when there is one, else the page cache in
# the default cache (core.pagecache). Publishing purges every one of them (core.frontend_cache).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
CACHE_MIDDLEWARE_ALIAS = "default"
CACHE_MIDDLEWARE_KEY_PREFIX = "page"
CACHE_MIDDLEWARE_SECONDS = 60  # only if a public response had no max-age (it always has)
WAGTAILFRONTENDCACHE = {"pagecache": {"BACKEND": "core.frontend_cache.PageCacheBackend"}}
if env("VARNISH_URL"):
    # The Varnish service itself (http://cache:80 in docker-compose), not the public address.
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("VARNISH_URL"),
    }
if env("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }
if env("CLOUDFRONT_DISTRIBUTION_ID"):
    # Needs boto3; credentials come from the usual AWS_* variables or the instance role.
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
    }
# Translations have their own slugs; core.frontend_cache purges each one by its own URL.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []

# The HMAC key for client addresses in rate-limit keys (core.ratelimit, core.accounts) and for
# emailed links (core.tokens: petitions' confirm and withdraw, campaigns' endorsement links),
# kept apart from the data. Identity keys (campaigns.identity)
# are not hashed: they are an organisation's normalized name or its local's ids, in the clear.
HASH_KEY = env("HASH_KEY", SECRET_KEY)
# How many reverse proxies in front of the web processes append to X-Forwarded-For (0: none).
TRUSTED_PROXY_HOPS = int(env("TRUSTED_PROXY_HOPS", "0"))
# Signatures one address may send per ten minutes (petitions.views.sign). Generous: a whole
# shift signing from the break-room wifi shares one address.
PETITIONS_SIGN_LIMIT = int(env("PETITIONS_SIGN_LIMIT", "300"))
# Emails one address may be sent per window (core.tasks.email_send): someone signing twenty
# times with one address, or with a stranger's, reaches that inbox at most this often.
EMAILS_PER_RECIPIENT = int(env("EMAILS_PER_RECIPIENT", "5"))
EMAIL_RECIPIENT_WINDOW_SECONDS = int(env("EMAIL_RECIPIENT_WINDOW_SECONDS", "3600"))
# Uses of one time-to-fill form token from one address (core.formguard): sized for a shift
# signing on one wifi within a cache lifetime, not for one person.
FORMGUARD_REUSE_LIMIT = int(env("FORMGUARD_REUSE_LIMIT", "20"))
# Requests one API token may make per minute (exchange.api): a sync job, not a scraper.
EXCHANGE_TOKEN_LIMIT = int(env("EXCHANGE_TOKEN_LIMIT", "120"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every record is redacted where it is made (core.logging, installed by core's app
    # config); the filter covers records from any other factory, on every handler.
    "filters": {"redact": {"()": "core.logging.RedactingFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # 404s are noise at this volume; errors are kept, with their paths redacted.
        "django.request": {"level": "ERROR"},
        # SQL parameters hold signers' names and emails, which no pattern can recognise:
        # the query log stays off even with LOG_LEVEL=DEBUG.
        "django.db.backends": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # Their warnings quote the document (a glyph no font has is a signer's name), so
        # only their errors (unreachable files, by URL) are kept.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
    },
}
