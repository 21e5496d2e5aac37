"""What every search box does to its query before searching."""


def clean_query(raw: str, max_length: int) -> str:
    """Trimmed, capped, and without control characters: a NUL in a query would break
    PostgreSQL, and no search means one."""
    return "".join(ch for ch in raw[:max_length] if ch.isprintable()).strip()
