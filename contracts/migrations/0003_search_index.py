"""A GIN index on Wagtail's search entries, as its PostgreSQL backend queries them.

Wagtail's database backend matches `(title || body) @@ query`; without an index on that
expression PostgreSQL ranks every clause of the library for each search (about 100-160 ms
for 5,000 clauses in bench/contracts_search.py, 13-40 ms with it). Wagtail's table is
shared by every app, so resolutions and the site search gain too. Nothing happens on
SQLite, where Wagtail uses FTS5 instead.
"""

from django.db import migrations

INDEX = "contracts_search_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
        "USING gin ((title || body))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("contracts", "0002_seed_categories"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
