"""Template filters for model texts on web pages."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from documents.engine import SLOT_RE

register = template.Library()


@register.filter
def slots(text: str) -> str:
    """The text escaped, each `{{ name }}` blank shown as a marked placeholder (no braces)."""
    escaped = escape(text or "")
    return mark_safe(  # noqa: S308  (the text is escaped above; only our <mark> is added)
        SLOT_RE.sub(lambda m: f'<mark class="slot">{m.group(1)}</mark>', escaped)
    )
