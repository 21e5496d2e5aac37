"""What every benchmark does first: its own PostgreSQL database, then Django and migrations.

Each benchmark fills a database of its own (uh_bench_<app>) on the server that DATABASE_URL
names, so `make bench` never writes into the project's own database.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/unionhall"


def bench_database_url(database: str) -> str:
    server = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL).split("?")[0].rsplit("/", 1)[0]
    return f"{server}/{database}"


def ensure_database(url: str) -> None:
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(server + "/postgres", autocommit=True) as connection:
        if not connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def setup_django(database: str, *, migrate: bool = True) -> None:
    """Point Django at the benchmark's own database (created if missing) and migrate it."""
    sys.path.insert(0, str(ROOT))
    url = bench_database_url(database)
    ensure_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionhall.settings.test")
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
