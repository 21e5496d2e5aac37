"""Formerly: a GIN index on Wagtail's search entries. documents owns the libraries' search now
and its migration 0001_search_index adopts the index (renaming it where this migration had
created it) or creates it on a fresh database.

Kept, empty, so the history of databases that ran it stays intact. Empty is safe both ways:
an existing database already has the index and never runs this again; a fresh one gets the
index from documents alone, so it is never made twice under two names.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("contracts", "0002_seed_categories"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = []
