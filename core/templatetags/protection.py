"""`{% form_protection %}`: the CSRF token for signed-in visitors only.

Anonymous forms sit on pages a shared cache holds, so they carry nothing per visitor; core.csrf
protects them by the browser's Origin and Sec-Fetch-Site headers. A signed-in visitor's page is
never cached, and their requests need the token too.
"""

from django import template
from django.middleware.csrf import get_token
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def form_protection(context) -> str:
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or not getattr(user, "is_authenticated", False):
        return ""
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )
