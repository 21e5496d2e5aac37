"""Email address normalisation shared by every app that stores an address."""


def normalize_email(email: str) -> str:
    """One form per mailbox: trimmed and lower-cased (the domain is case-insensitive,
    and in practice so is the local part at every provider our members use)."""
    return email.strip().lower()
