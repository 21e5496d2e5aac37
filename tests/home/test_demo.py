"""`make demo`'s seed on SQLite: it completes, and running it twice changes nothing."""

import json
import os
import subprocess
import sys
from pathlib import Path

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


def test_demo_seed_runs_twice_on_sqlite_without_duplicating(tmp_path):
    sqlite = tmp_path / "demo.sqlite3"
    manage("migrate", "--no-input", "-v", "0", sqlite=sqlite)
    first = manage("seed_demo", sqlite=sqlite)
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
