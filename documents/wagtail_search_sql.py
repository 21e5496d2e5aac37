"""The one place that writes SQL against Wagtail's search table (its database backend's
`IndexEntry`, wagtailsearch_indexentry). Nothing else in the project names its columns.

Wagtail does not promise this table's shape. What is relied on here is listed in
`RELIED_ON`, and tests/documents/test_wagtail_search_sql.py checks it against the real
database, so a Wagtail upgrade that renames or retypes a column fails the tests instead of
the library search.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import BooleanField, CharField, FloatField, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from wagtail.search.models import IndexEntry

# Column -> PostgreSQL type, as this module and the GIN index below use them.
RELIED_ON = {
    "content_type_id": "integer",
    "object_id": "character varying",
    "title": "tsvector",
    "body": "tsvector",
}

# Wagtail's database backend matches `(title || body) @@ query`; without an index on that
# expression PostgreSQL ranks every entry for each site search (about 100-160 ms for 5,000
# clauses in bench/contracts_search.py, 13-40 ms with it). The table is shared by every app,
# so the site search and both libraries gain.
TITLE_BODY_INDEX = "documents_search_title_body_gin"
# The name contracts/migrations/0003_search_index.py gave it, before documents owned it.
TITLE_BODY_INDEX_BEFORE = "contracts_search_title_body_gin"


def table() -> str:
    return IndexEntry._meta.db_table


def title_body_index_create(schema_editor) -> None:
    """Adopt the index an older database has under its contracts name, or create it: either
    way there is exactly one. PostgreSQL only (SQLite uses FTS5 instead)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER INDEX IF EXISTS {TITLE_BODY_INDEX_BEFORE} RENAME TO {TITLE_BODY_INDEX}"
    )
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS {TITLE_BODY_INDEX} ON "{table()}" USING gin ((title || body))'
    )


def title_body_index_drop(schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {TITLE_BODY_INDEX}")


def ranked_ids(pages: QuerySet, query: str, *, offset: int, limit: int) -> list[int]:
    """Ids of `pages` matching `query` (websearch syntax: phrases in quotes, -word), best
    first, from Wagtail's own index entries. PostgreSQL only.

    Wagtail's database backend matches `title || body @@ query`: it concatenates two
    tsvectors and parses the query again for every row (about 60 ms over 1,000
    resolutions). Here the query is parsed once, in its own round trip, and then given as a
    tsquery constant; `title @@ q OR body @@ q` is the same test, which the planner may also
    answer from the GIN indexes Wagtail keeps on both columns.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT websearch_to_tsquery(%s)::text", [query])
        parsed = cursor.fetchone()[0]
    if not parsed:  # only stop words ("the", "and")
        return []
    name = table()
    # Only Wagtail's table name is interpolated; the query text is a bound parameter.
    match = RawSQL(  # noqa: S611
        f'("{name}"."title" @@ %s::tsquery OR "{name}"."body" @@ %s::tsquery)',
        [parsed, parsed],
        output_field=BooleanField(),
    )
    rank = RawSQL(  # noqa: S611
        f'ts_rank("{name}"."title", %s::tsquery) * 2 + ts_rank("{name}"."body", %s::tsquery)',
        [parsed, parsed],
        output_field=FloatField(),
    )
    keys = pages.order_by().annotate(key=Cast("pk", CharField())).values("key")
    entries = (
        IndexEntry.objects.filter(
            match,
            content_type=ContentType.objects.get_for_model(pages.model),
            object_id__in=keys,
        )
        .annotate(rank=rank)
        .order_by("-rank", "object_id")
        .values_list("object_id", flat=True)[offset : offset + limit]
    )
    return [int(key) for key in entries]
