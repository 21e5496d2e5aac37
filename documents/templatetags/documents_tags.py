"""Template filters for model texts on web pages."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from documents.engine import SLOT_RE
from documents.variables import variables_from

register = template.Library()


@register.filter
def slots(text: str) -> str:
    """The text escaped, each `{{ name }}` blank shown as a marked placeholder (no braces)."""
    escaped = escape(text or "")
    return mark_safe(  # noqa: S308  (the text is escaped above; only our <mark> is added)
        SLOT_RE.sub(lambda m: f'<mark class="slot">{m.group(1)}</mark>', escaped)
    )


@register.simple_tag(takes_context=True)
def slot_text(context, text: str) -> str:
    """Like `slots`, but each blank shows its label (the steward's words, in the page's
    language): from `slot_labels` ({name: label}) when the context has them, else from the
    variables of the page being rendered, so a Spanish page shows its own Spanish labels."""
    labels = context.get("slot_labels")
    if labels is None:
        labels = slot_labels(context.get("page"))
    escaped = escape(text or "")

    def mark(match) -> str:
        name = match.group(1)
        return f'<mark class="slot">{escape(labels.get(name, name))}</mark>'

    return mark_safe(SLOT_RE.sub(mark, escaped))  # noqa: S308  (escaped above)


def slot_labels(page) -> dict[str, str]:
    """{name: label} of a model text's blanks, in that page's own language."""
    variables = getattr(page, "variables", None)
    if variables is None:
        return {}
    return {variable.name: variable.label for variable in variables_from(variables)}
