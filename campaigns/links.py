"""Absolute links to a day of action's routes, in the endorser's language, for emails."""

import hmac
import re

from django.conf import settings

from .models import DayOfActionPage, Endorsement

# What `Endorsement.link_token` makes (core.tokens.mac): "<pk>-<40 hex digits>", ASCII only.
# `str.isdigit` and `int` also accept Arabic-Indic and other Unicode digits, and
# `hmac.compare_digest` refuses non-ASCII text with a TypeError: the pattern keeps them out.
TOKEN = re.compile(r"([0-9]{1,12})-[0-9a-f]{40}", re.ASCII)


def absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


def day_url(day: DayOfActionPage, route: str | None = None, *args, language: str = "") -> str:
    page = day.localized_for(language) if language else day
    url = page.get_url() or "/"
    if route:
        url = url.rstrip("/") + "/" + page.reverse_subpage(route, args=args).lstrip("/")
    return absolute(url)


def endorsement_link(endorsement: Endorsement) -> str:
    """The contact's own link: confirm while pending, then withdraw or raise the pledge."""
    return day_url(
        endorsement.day, "endorsement", endorsement.link_token(), language=endorsement.language
    )


def find_by_token(day: DayOfActionPage, token: str) -> Endorsement | None:
    match = TOKEN.fullmatch(token or "")
    if match is None:
        return None
    endorsement = (
        Endorsement.objects.filter(pk=int(match.group(1)), day=day).select_related("day").first()
    )
    if endorsement is None or not hmac.compare_digest(endorsement.link_token(), token):
        return None
    return endorsement
