"""Days of action in people's calendars: `<day url>calendar.ics` for one day and
`<index url>calendar.ics` for every upcoming public day, each in its page's language.

A day of action has a date and no hours, so each is an all-day event (`VALUE=DATE`): it
falls on the same date wherever the calendar is, and no time zone can move it to the day
before. "Upcoming" is decided in the site's time zone (settings.TIME_ZONE), the zone the
dates are written in. The feed names that zone (X-WR-TIMEZONE) for calendars that show it.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from core.routing import page_at, page_route, serve_route, serve_view

from . import links
from .models import DayOfActionIndexPage, DayOfActionPage

CONTENT_TYPE = "text/calendar; charset=utf-8"
DESCRIPTION_WORDS = 120


def _calendar(name: str, language: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//Union Hall//Days of action//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _uid(day: DayOfActionPage) -> str:
    # The day's translations are one event: adding the English and then the Spanish file
    # updates one entry instead of making two. The key never changes with edits or moves.
    host = urlsplit(settings.SITE_URL).hostname or "unionhall"
    return f"day-of-action-{day.translation_key}@{host}"


def _event(day: DayOfActionPage) -> Event:
    url = links.absolute(day.get_url() or "/")
    summary = day.intro or Truncator(strip_tags(day.call)).words(DESCRIPTION_WORDS)
    stamp = day.last_published_at or timezone.now()
    event = Event()
    event.add("uid", _uid(day))
    # The last publication, not the time of the request: the same file for every visitor.
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    event.add("last-modified", stamp.astimezone(datetime.UTC))
    event.add("dtstart", day.date)
    event.add("dtend", day.date + datetime.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("summary", day.title)
    event.add(
        "description",
        "\n\n".join(
            part
            for part in (
                summary,
                _("Read the call and endorse it: %(url)s") % {"url": url},
            )
            if part
        ),
    )
    event.add("url", url)
    return event


def _response(calendar: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response  # caching: core.cache.PUBLIC_PAGES


def _language(page) -> str:
    return page.locale.language_code


@page_route(DayOfActionPage, "calendar/", name="calendar")
def day_calendar(request: HttpRequest, day: DayOfActionPage) -> HttpResponse:
    """One day as an all-day event, in the day page's language."""
    language = _language(day)
    with translation.override(language):
        calendar = _calendar(day.title, language)
        calendar.add_component(_event(day))
        return _response(calendar, day.slug)


def upcoming_days(index: DayOfActionIndexPage) -> list[DayOfActionPage]:
    """The index's live days, open to everyone, from today (in the site's time zone) on."""
    return list(
        DayOfActionPage.objects.child_of(index)
        .live()
        .public()
        .filter(date__gte=timezone.localdate())
        .order_by("date", "pk")
    )


def calendar_feed(request: HttpRequest, index: DayOfActionIndexPage) -> HttpResponse:
    """Every upcoming public day under `index`, in the index's language."""
    language = _language(index)
    with translation.override(language):
        calendar = _calendar(index.title, language)
        for day in upcoming_days(index):
            calendar.add_component(_event(day))
        return _response(calendar, index.slug)


def calendar_for_path(request: HttpRequest, page_path: str) -> HttpResponse:
    """`<day url>calendar.ics` and `<index url>calendar.ics`, routed here by campaigns/urls.py
    (Wagtail's page URLs can't contain a dot), each with its page's privacy."""
    page = page_at(request, page_path, (DayOfActionPage, DayOfActionIndexPage), landing="wall")
    if isinstance(page, DayOfActionPage):
        return serve_route(request, page, "calendar")
    return serve_view(request, page, calendar_feed)


def calendar_url(page: DayOfActionPage | DayOfActionIndexPage) -> str:
    """`<page url>calendar.ics`, which the project URLconf always routes (campaigns/urls.py)."""
    return links.absolute((page.get_url() or "/") + "calendar.ics")
