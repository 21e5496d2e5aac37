"""What every search box does to its query before searching."""

from django.db import connection

# A straight double quote is phrase syntax. PostgreSQL's websearch_to_tsquery (the libraries'
# search) reads `"immigration agents"` as a phrase and shrugs at an unbalanced quote. SQLite's
# FTS5 (the demo's backend, through Wagtail) fails on an unbalanced one with "unterminated
# string", because Wagtail wraps each term in quotes without escaping it: there the quote is
# read as a space.
QUERY_SYNTAX = str.maketrans({'"': " "})


def clean_query(raw: str, max_length: int, *, phrases: bool | None = None) -> str:
    """Trimmed, capped and without control characters (a NUL in a query would break
    PostgreSQL, and no search means one). Straight double quotes are kept for phrases only
    where the backend understands them (`phrases`, by default: on PostgreSQL)."""
    if phrases is None:
        phrases = connection.vendor == "postgresql"
    text = "".join(ch for ch in raw[:max_length] if ch.isprintable())
    if not phrases:
        text = text.translate(QUERY_SYNTAX)
    return " ".join(text.split())
