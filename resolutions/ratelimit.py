"""A ceiling on documents rendered without an account, per address, per ten minutes.

Rendering a PDF costs a fraction of a second of CPU; without a ceiling, anyone could keep
the workers busy. Addresses are kept only as expiring keyed hashes (see core.ratelimit).
"""

from django.http import HttpRequest

from core.ratelimit import allow

DOCUMENTS_PER_WINDOW = 40  # a steward trying paper sizes and options stays far below
WINDOW_SECONDS = 600


def document_allowed(request: HttpRequest, *, now: float | None = None) -> bool:
    """Count one rendered document for this address; False once the window is used up."""
    return allow(
        request,
        scope="resolutions:documents",
        limit=DOCUMENTS_PER_WINDOW,
        window_seconds=WINDOW_SECONDS,
        now=now,
    )
