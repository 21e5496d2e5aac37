"""Template tags for the site layout: the main menu and the language switch."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

register = template.Library()
ENDONYMS = {"en": "English", "es": "Español"}


def _root_page(request) -> Page | None:
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return site.root_page.localized


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    root = _root_page(context.get("request"))
    return root.url if root else "/"


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    root = _root_page(context.get("request"))
    if root is None:
        return []
    return list(root.get_children().live().in_menu().specific())


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """Links to this page in each language: the page's translation when one exists,
    the same path with the other language's prefix otherwise."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page):
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other.url
    links = []
    for code, _name in settings.LANGUAGES:
        url = translations.get(code)
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                # Each language is named in itself, so a reader finds their own.
                "name": ENDONYMS.get(code, code),
                "url": url or "/",
                "current": code == current,
            }
        )
    return links
