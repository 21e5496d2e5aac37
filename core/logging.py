"""Log redaction: no log record, from any logger, carries a token or an email address.

Django's own loggers write request paths (`django.request`: "Not Found: <path>",
`django.security.csrf`: "Forbidden (<reason>): <path>"), Celery writes task arguments and
exceptions carry the values that failed. Paths here hold confirm, withdraw, endorsement,
email-confirmation and password-reset secrets, so scrubbing has to happen where every record
is made, not in each place that logs: `install()` wraps the log record factory, so the record
itself is clean before any handler (console, a log shipper, pytest's caplog) sees it.
`RedactingFilter` does the same for records made by any other factory, on every handler.

Names can't be recognised in free text; they are kept out at the source instead (no code
logs one, and SQL parameters are never logged: see LOGGING in settings).
"""

import logging
import re
import traceback

REDACTED = "[redacted]"

# An address, also inside a URL-encoded query value (`next=%2F...%3Fe%3Drosa%40example.org`).
_EMAIL = re.compile(r"[\w.%+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# The path segment after a route word that takes a secret, plain or URL-encoded:
# petitions' confirm/<token>/ and withdraw/<token>/, campaigns' endorsement/<pk>-<mac>/,
# allauth's confirm-email/<key>/ and password/reset/key/<uid>-<key>/.
_SECRET_SEGMENT = re.compile(
    r"(?P<lead>(?:/|%2F)(?:confirm|withdraw|endorsement|confirm-email|key)(?:/|%2F))"
    r"(?P<secret>(?:[^/?#&\s%\"'<>)]|%3A|%2D|%5F)+)",
    re.IGNORECASE,
)
# Query values that are secrets whatever the path.
_SECRET_QUERY = re.compile(
    r"(?P<lead>(?:[?&;]|%3F|%26)(?:token|key|code|secret|signature|sig|email)(?:=|%3D))"
    r"(?P<secret>[^&#\s\"'<>]+)",
    re.IGNORECASE,
)
# Token shapes anywhere, so a new route's secret is caught without a new rule: long hex
# (link secrets, HMACs) and long base64-like runs with upper case, lower case and digits
# (Django signatures). Slugs are lower case and so stay readable.
_HEX = re.compile(r"(?<![0-9A-Za-z])[0-9a-fA-F]{32,}(?![0-9A-Za-z])")
_MIXED = re.compile(r"(?<![\w:-])(?=[\w:-]*\d)(?=[\w:-]*[a-z])(?=[\w:-]*[A-Z])[\w:-]{20,}")


def redact(text: str) -> str:
    """`text` with every email address and token-like secret replaced by `[redacted]`."""
    if not text:
        return text
    text = _EMAIL.sub(REDACTED, text)
    text = _SECRET_SEGMENT.sub(lambda m: m.group("lead") + REDACTED, text)
    text = _SECRET_QUERY.sub(lambda m: m.group("lead") + REDACTED, text)
    text = _HEX.sub(REDACTED, text)
    return _MIXED.sub(REDACTED, text)


def redact_record(record: logging.LogRecord) -> logging.LogRecord:
    """Render the message, the exception and the stack once, redacted, into the record.

    The arguments are dropped once rendered (Celery passes task args and kwargs in them,
    unused by the format string but kept on the record), and the exception object is
    replaced by its redacted text, which every formatter prints in its place."""
    if not getattr(record, "_redacted", False):
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep what can be kept, still redacted
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = redact(_exception_text(*record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        record._redacted = True
    # Extra string fields (`extra={...}`, set after the factory ran) are formatted too.
    for name, value in list(vars(record).items()):
        if name not in _STANDARD_ATTRIBUTES and isinstance(value, str):
            setattr(record, name, redact(value))
    return record


def _exception_text(kind, error, tb) -> str:
    """The traceback as a formatter prints it, except for the one Django error whose text
    is a dump of the whole template context (every name and address on the page): a
    missing template variable, which `django.template` logs at DEBUG."""
    from django.template.base import VariableDoesNotExist

    if isinstance(error, VariableDoesNotExist):
        lookup = error.params[0] if error.params else "?"
        lines = ["Traceback (most recent call last):\n", *traceback.format_tb(tb)]
        lines.append(f"{kind.__name__}: failed lookup for key [{lookup}]")
        return "".join(lines)
    return "".join(traceback.format_exception(kind, error, tb)).rstrip()


_STANDARD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "_redacted",
}


class RedactingFilter(logging.Filter):
    """For handlers: redacts a record made by a factory other than ours. Never drops one."""

    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record)
        return True


_installed_factory = None


def install() -> None:
    """Make every new log record redacted at creation. Safe to call more than once."""
    global _installed_factory
    current = logging.getLogRecordFactory()
    if current is _installed_factory and current is not None:
        return

    def factory(*args, **kwargs) -> logging.LogRecord:
        return redact_record(current(*args, **kwargs))

    _installed_factory = factory
    logging.setLogRecordFactory(factory)
