"""A stray double quote in a search box is text, not query syntax: no 500 on SQLite (the
demo) or PostgreSQL, on the site search and both libraries, in both languages."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.search import clean_query

ROOT = Path(__file__).resolve().parents[2]

QUOTED = ['"', 'ice "raid', '"warrant"', '"""', "“warrant”"]

PATHS = [
    "/search/?q={q}",
    "/es/search/?q={q}",
    "/resolutions/?q={q}",
    "/es/resoluciones/?q={q}",
    "/contract-language/?q={q}",
    "/es/lenguaje-de-contrato/?q={q}",
]

# Run inside the demo's own settings (SQLite, FTS5 through Wagtail's SQLite search backend).
SCRIPT = """
import json
from urllib.parse import quote
from django.test import Client
client = Client()
out = {}
for path in PATHS:
    for q in QUOTED + ["warrant", "orden"]:
        url = path.format(q=quote(q))
        try:
            response = client.get(url, HTTP_HOST="127.0.0.1")
            out[url] = [response.status_code, response.content.decode()]
        except Exception as error:  # the bug: an OperationalError from SQLite's MATCH parser
            out[url] = [500, type(error).__name__ + ": " + str(error)]
print("RESULT" + json.dumps(out))
"""


def test_clean_query_drops_double_quotes_where_the_backend_has_no_phrases():
    assert clean_query('"', 200, phrases=False) == ""
    assert clean_query('ice "raid', 200, phrases=False) == "ice raid"
    assert clean_query('"judicial warrant"', 200, phrases=False) == "judicial warrant"
    assert clean_query("“warrant”", 200, phrases=False) == "“warrant”"  # typographic: text


@pytest.mark.django_db
def test_clean_query_keeps_phrases_on_postgresql():
    assert clean_query('"judicial  warrant"', 200) == '"judicial warrant"'


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("q", QUOTED)
def test_a_double_quote_in_a_search_is_not_an_error_on_postgresql(client, home, path, q):
    from contracts.models import ClauseLibraryPage
    from demo.contracts import seed_categories
    from demo.pages import child_page, translation_of
    from resolutions.models import ResolutionIndexPage

    seed_categories()
    library = child_page(home, ResolutionIndexPage, slug="resolutions", title="Resolutions")
    translation_of(library, "es", title="Resoluciones", slug="resoluciones")
    clauses = child_page(
        home, ClauseLibraryPage, slug="contract-language", title="Contract language"
    )
    translation_of(clauses, "es", title="Lenguaje de contrato", slug="lenguaje-de-contrato")
    response = client.get(path.format(q=q))
    assert response.status_code == 200
    assert "<form" in response.content.decode()


def test_a_double_quote_in_a_search_is_not_an_error_on_the_sqlite_demo(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "unionhall.settings.dev",
        "SQLITE_PATH": str(tmp_path / "demo.sqlite3"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    env.pop("DATABASE_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "-v0"], ["seed_demo"]):
        subprocess.run(manage + command, env=env, cwd=ROOT, check=True, capture_output=True)
    script = f"PATHS = {PATHS!r}\nQUOTED = {QUOTED!r}\n" + SCRIPT
    done = subprocess.run(
        manage + ["shell", "-c", script],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    results = json.loads(done.stdout.split("RESULT", 1)[1])
    failures = {url: body[:200] for url, (status, body) in results.items() if status != 200}
    assert failures == {}
    # The searches still search: the demo's texts are found by their words.
    assert "Resolution to keep ICE out of our workplace" in results["/resolutions/?q=warrant"][1]
    assert (
        "Ningún agente de inmigración entra sin orden judicial"
        in results["/es/lenguaje-de-contrato/?q=orden"][1]
    )
    assert (
        "Resolution to keep ICE out of our workplace"
        in results["/resolutions/?q=" + "%22warrant%22"][1]
    )
