"""Counters other sites put in an iframe (a day of action's, a petition's): the copy-paste
snippet for each language the page is published in, and the one route that may be framed.

An embed's language is its URL's, as for every other page (core.language): the Spanish
snippet points at the Spanish page's route, under `/es/`. So a cache keeps one copy per
language and the embedding site chooses the language by choosing the snippet.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page


@dataclass(frozen=True)
class Size:
    """The iframe's size the snippet suggests; the embed is laid out to fit it exactly."""

    width: int
    height: int


@dataclass(frozen=True)
class Snippet:
    language: str
    language_name: str
    url: str
    code: str
    size: Size


def _translation(page: Page, language: str) -> Page | None:
    if page.locale.language_code == language:
        return page
    locale = Locale.objects.filter(language_code=language).first()
    other = page.get_translation_or_none(locale) if locale is not None else None
    return other.specific if other is not None and other.live else None


def snippets(
    page: Page, route: str, size: Size, title: Callable[[Page], str] = lambda page: page.title
) -> list[Snippet]:
    """The `<iframe>` code for `page`'s `route` in each site language it is live in, the
    page's own language first."""
    languages = [page.locale.language_code] + [
        code for code, _name in settings.LANGUAGES if code != page.locale.language_code
    ]
    out = []
    for language in languages:
        translated = _translation(page, language)
        if translated is None or translated.get_url() is None:
            continue
        url = (
            settings.SITE_URL
            + translated.get_url().rstrip("/")
            + "/"
            + translated.reverse_subpage(route).lstrip("/")
        )
        code = format_html(
            '<iframe src="{}" title="{}" width="{}" height="{}" loading="lazy" '
            'style="border:0"></iframe>',
            url,
            title(translated),
            size.width,
            size.height,
        )
        out.append(
            Snippet(
                language=language,
                language_name=get_language_info(language)["name_translated"],
                url=url,
                code=str(code),
                size=size,
            )
        )
    return out


def allow_framing(response: HttpResponse, origins: list[str] | None = None) -> HttpResponse:
    """Let `origins` (None: any https site) frame this one response; every other response
    keeps `frame-ancestors 'self'` and X-Frame-Options: DENY (site/settings/base.py)."""
    allowed = ["https:"] if origins is None else origins
    response._csp_replace = {"frame-ancestors": ["'self'", *allowed]}
    response.xframe_options_exempt = True
    return response
