"""What every search box does to its query before searching."""

# A straight double quote is query syntax to the search backends, not text: SQLite's FTS5
# (the demo's backend, through Wagtail) fails on an unbalanced one with "unterminated string"
# because Wagtail wraps each term in quotes without escaping it. Our search boxes take plain
# words, so the quote is read as a space, the same on every backend.
QUERY_SYNTAX = str.maketrans({'"': " "})


def clean_query(raw: str, max_length: int) -> str:
    """Trimmed, capped, without control characters (a NUL in a query would break
    PostgreSQL, and no search means one) and without straight double quotes."""
    text = "".join(ch for ch in raw[:max_length] if ch.isprintable()).translate(QUERY_SYNTAX)
    return " ".join(text.split())
