"""What every app shares: cache headers, form protection, page-cache purging, log redaction.

Apps import from here; `core` imports no app (DESIGN.md, "Layout").
"""
