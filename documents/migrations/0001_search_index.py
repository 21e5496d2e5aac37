"""Adopt the GIN index on Wagtail's search entries: documents owns the libraries' search.

contracts/migrations/0003_search_index.py created it as contracts_search_title_body_gin; it
is now a no-op. A database that ran it keeps its index, renamed here; a fresh database gets
it here, once (see documents.wagtail_search_sql). No model state: the index is on Wagtail's
table, which no model of ours declares, so there is nothing for SeparateDatabaseAndState to
keep in step.
"""

from django.db import migrations

from documents.wagtail_search_sql import title_body_index_create, title_body_index_drop


def create(apps, schema_editor):
    title_body_index_create(schema_editor)


def drop(apps, schema_editor):
    title_body_index_drop(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]
