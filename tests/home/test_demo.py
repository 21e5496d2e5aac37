"""`make demo`'s seed on SQLite: it completes, running it twice changes nothing, and the
SQLite branches the demo runs (campaigns' grouped tallies, petitions' count lock) count
exactly. Search on SQLite: tests/resolutions/test_search_quotes.py."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

COUNT_SCRIPT = """
import json
from django.apps import apps
counts = {
    m._meta.label: m.objects.count()
    for m in apps.get_models()
    if m._meta.app_label in {"home", "unions", "resolutions", "contracts", "petitions",
                             "campaigns", "documents", "wagtailcore", "auth"}
}
print(json.dumps(counts))
"""

# Both branches exist because SQLite has neither GROUPING SETS nor advisory locks.
SQLITE_BRANCHES_SCRIPT = """
import json
from collections import defaultdict
from django.db import connection
from campaigns.models import Endorsement
from campaigns.selectors import GROUPINGS, grouped_approved
from petitions.models import PetitionCount, Signature
assert connection.vendor == "sqlite"
days = {}
for day_id in sorted(set(Endorsement.objects.values_list("day_id", flat=True))):
    grouped = grouped_approved(day_id, GROUPINGS)
    expected = {field: defaultdict(lambda: [0, 0]) for field in GROUPINGS}
    for e in Endorsement.objects.filter(day_id=day_id, status=Endorsement.Status.APPROVED):
        for field in GROUPINGS:
            expected[field][getattr(e, field)][0] += 1
            expected[field][getattr(e, field)][1] += e.members_represented or 0
    days[day_id] = {
        field: [
            sorted([repr(r["key"]), r["n"], r["members"]] for r in grouped[field]),
            sorted([repr(k), n, m] for k, (n, m) in expected[field].items()),
        ]
        for field in GROUPINGS
    }
petitions = {
    c.petition_id: [
        c.confirmed,
        Signature.objects.filter(petition_id=c.petition_id, status="confirmed").count(),
        c.reconciled_at is not None,
    ]
    for c in PetitionCount.objects.all()
}
print(json.dumps({"days": days, "petitions": petitions}))
"""


UNLISTED_SCRIPT = """
import json
from petitions.models import PetitionPage
pages = PetitionPage.objects.filter(title__startswith="No cameras") | PetitionPage.objects.filter(
    title__startswith="No a las c"
)
listed = set(PetitionPage.objects.listed().values_list("pk", flat=True))
print(json.dumps([
    [p.locale.language_code, p.slug, p.link_token, p.unlisted, p.shown_title, p.pk in listed]
    for p in pages.order_by("id")
]))
"""


def manage(*args: str, sqlite: Path) -> subprocess.CompletedProcess:
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "DJANGO_SETTINGS_MODULE": "unionhall.settings.dev",
        "SQLITE_PATH": str(sqlite),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """A demo database seeded once, and the first seed's output."""
    sqlite = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    manage("migrate", "--no-input", "-v", "0", sqlite=sqlite)
    return sqlite, manage("seed_demo", sqlite=sqlite)


def test_demo_seed_runs_twice_on_sqlite_without_duplicating(seeded):
    sqlite, first = seeded
    assert "steward@unionhall.test" in first.stdout
    assert "organizer@unionhall.test" in first.stdout
    assert "admin@unionhall.test" in first.stdout
    counts = json.loads(manage("shell", "-v", "0", "-c", COUNT_SCRIPT, sqlite=sqlite).stdout)
    assert counts["home.HomePage"] == 2  # English and Spanish
    assert counts["unions.Local"] >= 5
    assert counts["auth.User"] == 3

    manage("seed_demo", sqlite=sqlite)
    again = json.loads(manage("shell", "-v", "0", "-c", COUNT_SCRIPT, sqlite=sqlite).stdout)
    assert again == counts


def test_demo_tallies_and_petition_counts_are_exact_on_sqlite(seeded):
    sqlite, _first = seeded
    result = json.loads(
        manage("shell", "-v", "0", "-c", SQLITE_BRANCHES_SCRIPT, sqlite=sqlite).stdout
    )
    assert result["days"], "the demo seeds endorsements"
    for groupings in result["days"].values():
        assert set(groupings) == {"organisation_type", "region", "pledge_level", "affiliation_id"}
        for grouped, expected in groupings.values():
            assert grouped == expected
    assert result["petitions"], "the demo seeds signatures"
    for confirmed, counted, reconciled in result["petitions"].values():
        assert (confirmed, reconciled) == (counted, True)


def test_demo_has_one_unlisted_petition_under_a_code_name_in_both_languages(seeded):
    sqlite, _first = seeded
    rows = json.loads(manage("shell", "-v", "0", "-c", UNLISTED_SCRIPT, sqlite=sqlite).stdout)
    assert [row[0] for row in rows] == ["en", "es"]  # the second seed added none
    (en_slug, token), (es_slug, es_token) = [row[1:3] for row in rows]
    assert len(token) == 16 and es_token == token
    assert en_slug == es_slug == f"blue-thermos-{token}"
    assert [row[3:] for row in rows] == [[True, "Blue Thermos", False], [True, "Termo Azul", False]]


API_SCRIPT = """
import json, re
from django.contrib.auth import get_user_model
from django.test import Client
from unions.models import Local
browser = Client(HTTP_HOST="127.0.0.1")
browser.force_login(get_user_model().objects.get(email="organizer@unionhall.test"))
local = Local.objects.get(number="1017")
page = browser.post("/accounts/organize/api-tokens/", {"local": local.pk, "name": "CRM sync"})
token = re.search(r"<code[^>]*>\\s*([^<\\s]{20,})\\s*</code>", page.content.decode()).group(1)
api = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION="Bearer " + token)
petitions = api.get("/osdi/v1/petitions").json()["_embedded"]["osdi:petitions"]
out = {"titles": [p["title"] for p in petitions], "signatures": []}
for petition in petitions:
    href = petition["_links"]["osdi:signatures"]["href"].split("127.0.0.1", 1)[1]
    answer = api.get(href + "?per_page=100").json()
    out["total"] = answer["total_records"]
    out["signatures"] += answer["_embedded"]["osdi:signatures"]
out["again"] = browser.get("/accounts/organize/api-tokens/").content.decode().count(token)
print(json.dumps(out))
"""


def test_the_demo_organizer_makes_a_token_and_reads_signatures_through_the_api(seeded):
    """The issue's journey: the demo's organizer (two-factor seeded) makes a token on the
    organize page and reads their petition's signatures over OSDI; the token is not shown
    again, and only signers who ticked consent come with an email."""
    sqlite, _first = seeded
    result = json.loads(manage("shell", "-v", "0", "-c", API_SCRIPT, sqlite=sqlite).stdout)
    assert "No ICE on our hospital floors without a judicial warrant" in result["titles"]
    assert result["again"] == 0
    signatures = result["signatures"]
    assert result["total"] > 0 and signatures
    people = [s["_embedded"]["osdi:person"] for s in signatures if "_embedded" in s]
    assert any("given_name" in person for person in people)
    emails = [p["email_addresses"][0]["address"] for p in people if "email_addresses" in p]
    assert emails and len(emails) < len(people)  # some consented, not all
    assert all(e.startswith("demo-") and e.endswith("@example.test") for e in emails)
