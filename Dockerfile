# Union Hall: one image for the web process, the Celery worker and Celery beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=unionhall.settings.production

# WeasyPrint needs Pango and HarfBuzz; fonts are local (nothing is fetched at render time):
# Noto covers the Arabic and Chinese names DejaVu lacks. zbar-tools reads QR codes back.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation \
        fonts-noto-core fonts-noto-cjk zbar-tools \
        gettext curl \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 unionhall
WORKDIR /app

COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY --chown=unionhall:unionhall . .
RUN pip install --no-deps -e . \
    && SECRET_KEY=collectstatic-only DATABASE_URL=postgres://build@localhost/build \
       REDIS_URL=redis://localhost:6379/0 SITE_URL=https://build.invalid \
       DEFAULT_FROM_EMAIL=build@build.invalid MAILGUN_API_KEY=build \
       MAILGUN_SENDER_DOMAIN=build.invalid MAILGUN_WEBHOOK_SIGNING_KEY=build \
       ALLOWED_HOSTS=build.invalid \
       python manage.py collectstatic --no-input -v 0 \
    && mkdir -p /app/var/media && chown -R unionhall:unionhall /app/var

USER unionhall
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
    CMD curl -fsS -H "X-Forwarded-Proto: https" http://127.0.0.1:8000/healthz || exit 1
# The access log names no client address and no path: paths carry confirmation tokens,
# and raw IP addresses are never stored.
# Workers: measured with bench/public_load.py on 2 cores (signing, wrk -c32): 3 sync workers
# 282/s p99 181 ms; 5 sync 279/s p99 323 ms; gthread 3x4 234/s p99 662 ms; gthread 2x8
# 282/s p99 782 ms. Database connections persist (DATABASE_CONN_MAX_AGE=60, the default):
# without them signing halves (133/s). Scale out with more containers, not more workers.
CMD ["gunicorn", "unionhall.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--worker-class", "sync", "--backlog", "2048", \
     "--access-logfile", "-", "--access-logformat", "%(m)s %(s)s %(L)ss"]
