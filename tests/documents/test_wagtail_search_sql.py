"""The raw SQL on Wagtail's search table: the schema it relies on, and the GIN index that
documents owns. These fail loudly when a Wagtail upgrade changes the table."""

import pytest
from django.db import connection

from documents import wagtail_search_sql

pytestmark = pytest.mark.django_db


def _indexes_on_search_table() -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s",
            [wagtail_search_sql.table()],
        )
        return dict(cursor.fetchall())


def test_wagtails_search_table_still_has_the_columns_the_library_search_queries():
    with connection.cursor() as cursor:
        assert wagtail_search_sql.table() in connection.introspection.table_names(cursor)
        cursor.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s",
            [wagtail_search_sql.table()],
        )
        columns = dict(cursor.fetchall())
    missing = {
        name: kind
        for name, kind in wagtail_search_sql.RELIED_ON.items()
        if columns.get(name) != kind
    }
    assert missing == {}, f"Wagtail's search table changed: {columns}"


def test_the_title_body_index_exists_once_under_the_documents_name():
    indexes = _indexes_on_search_table()
    assert wagtail_search_sql.TITLE_BODY_INDEX in indexes
    assert "gin" in indexes[wagtail_search_sql.TITLE_BODY_INDEX].lower()
    assert wagtail_search_sql.TITLE_BODY_INDEX_BEFORE not in indexes
    same = [d for d in indexes.values() if "(title || body)" in d]
    assert len(same) == 1


def test_an_index_made_by_the_old_contracts_migration_is_adopted_not_doubled():
    table = wagtail_search_sql.table()
    with connection.schema_editor() as editor:
        editor.execute(f"DROP INDEX {wagtail_search_sql.TITLE_BODY_INDEX}")
        editor.execute(
            f"CREATE INDEX {wagtail_search_sql.TITLE_BODY_INDEX_BEFORE} ON {table} "
            "USING gin ((title || body))"
        )
        wagtail_search_sql.title_body_index_create(editor)
        wagtail_search_sql.title_body_index_create(editor)  # idempotent
    indexes = _indexes_on_search_table()
    assert wagtail_search_sql.TITLE_BODY_INDEX in indexes
    assert wagtail_search_sql.TITLE_BODY_INDEX_BEFORE not in indexes
    assert len([d for d in indexes.values() if "(title || body)" in d]) == 1
