"""Days of action in calendars: `<day>calendar.ics` and the index's feed of upcoming days."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from campaigns.models import DayOfActionPage
from demo.pages import child_page, translation_of

pytestmark = pytest.mark.django_db


def ics(client, url: str) -> tuple[Calendar, object]:
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content), response


def events(calendar: Calendar) -> list:
    return [c for c in calendar.walk("VEVENT")]


def make_day(index, slug: str, date: datetime.date, title: str, **fields) -> DayOfActionPage:
    return child_page(
        index,
        DayOfActionPage,
        slug=slug,
        title=title,
        date=date,
        call="<p>Walk out together.</p>",
        **fields,
    )


def test_day_calendar_is_one_all_day_event_on_the_days_date(client, day):
    calendar, response = ics(client, day.url + "calendar.ics")
    assert response["Content-Disposition"] == 'attachment; filename="no-work-no-school.ics"'
    assert str(calendar["PRODID"]) == "-//Union Hall//Days of action//EN"
    assert str(calendar["VERSION"]) == "2.0"
    (event,) = events(calendar)
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    # A date, not a time: no time zone can move the day.
    assert type(start) is datetime.date and start == day.date
    assert end == day.date + datetime.timedelta(days=1)
    assert b"DTSTART;VALUE=DATE:" + day.date.strftime("%Y%m%d").encode() in response.content
    assert str(event["SUMMARY"]) == "No work, no school, no shopping"
    assert str(event["DESCRIPTION"]).startswith("A day without immigrant workers.")
    assert "Read the call and endorse it: http" in str(event["DESCRIPTION"])
    assert str(event["URL"]).endswith("/days-of-action/no-work-no-school/")
    assert event.decoded("DTSTAMP").utcoffset() == datetime.timedelta(0)


def test_uid_stays_when_the_day_is_edited_and_is_shared_by_its_translation(client, day):
    (before,) = events(ics(client, day.url + "calendar.ics")[0])
    day.title = "No work, no school, no shopping: the date is set"
    day.save_revision().publish()
    (after,) = events(ics(client, day.url + "calendar.ics")[0])
    assert str(after["SUMMARY"]) == "No work, no school, no shopping: the date is set"
    assert str(after["UID"]) == str(before["UID"])
    spanish = day.localized_for("es")
    (es,) = events(ics(client, spanish.url + "calendar.ics")[0])
    assert str(es["UID"]) == str(before["UID"])


def test_spanish_day_calendar_is_in_spanish(client, day):
    spanish = day.localized_for("es")
    assert spanish.url.startswith("/es/")
    calendar, _response = ics(client, spanish.url + "calendar.ics")
    assert str(calendar["PRODID"]).endswith("//ES")
    (event,) = events(calendar)
    assert str(event["SUMMARY"]) == "Sin trabajo, sin escuela, sin compras"
    assert "Lee la convocatoria y respáldala: http" in str(event["DESCRIPTION"])
    assert "/es/" in str(event["URL"])


def test_day_page_links_to_its_calendar_and_the_feed_in_its_language(client, day):
    body = client.get(day.url).content.decode()
    assert f'{day.url}calendar.ics" download>Add to calendar</a>' in body
    assert "Add to calendar" in body
    assert "/days-of-action/calendar.ics" in body
    spanish = client.get(day.localized_for("es").url).content.decode()
    assert "Añadir al calendario" in spanish
    assert "/es/days-of-action/calendar.ics" in spanish


def test_feed_holds_only_upcoming_live_public_days(client, index, day):
    today = timezone.localdate()
    past = make_day(index, "last-year", today - datetime.timedelta(days=1), "Yesterday's strike")
    private = make_day(index, "closed-door", today + datetime.timedelta(days=3), "Members only")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="solidarity"
    )
    draft = DayOfActionPage(
        slug="not-yet",
        title="Not yet announced",
        date=today + datetime.timedelta(days=2),
        call="<p>Soon.</p>",
        live=False,
    )
    index.add_child(instance=draft)
    soon = make_day(index, "this-week", today + datetime.timedelta(days=2), "Walkout this week")
    calendar, response = ics(client, index.url + "calendar.ics")
    assert response["Content-Disposition"] == 'attachment; filename="days-of-action.ics"'
    assert str(calendar["X-WR-CALNAME"]) == "Days of action"
    summaries = [str(e["SUMMARY"]) for e in events(calendar)]
    # In date order: this week's, then the fixture's day in ten days.
    assert summaries == ["Walkout this week", "No work, no school, no shopping"]
    assert [e.decoded("DTSTART") for e in events(calendar)] == [soon.date, day.date]
    assert past.title not in response.content.decode()
    assert draft.title not in response.content.decode()
    # A restricted day is not in the feed, and its own file asks for the password.
    private_ics = client.get(private.url + "calendar.ics")
    assert b"BEGIN:VCALENDAR" not in private_ics.content
    assert "public" not in private_ics.get("Cache-Control", "")


def test_spanish_feed_lists_the_spanish_pages(client, index, day):
    today = timezone.localdate()
    english_only = make_day(index, "english-only", today + datetime.timedelta(days=4), "Picket")
    other = make_day(index, "march", today + datetime.timedelta(days=20), "March downtown")
    translation_of(other, "es", title="Marcha en el centro")
    calendar, _response = ics(client, "/es/days-of-action/calendar.ics")
    assert str(calendar["X-WR-CALNAME"]) == "Días de acción"
    summaries = [str(e["SUMMARY"]) for e in events(calendar)]
    assert summaries == ["Sin trabajo, sin escuela, sin compras", "Marcha en el centro"]
    assert english_only.title not in summaries
    assert all("/es/" in str(e["URL"]) for e in events(calendar))


def test_upcoming_is_decided_in_the_sites_time_zone_after_midnight_utc(client, settings, index):
    """At 21:30 in Chicago on 10 March it is already 11 March in UTC: the day on the 10th is
    still today, so it stays in the feed, and its date stays the 10th."""
    settings.TIME_ZONE = "America/Chicago"
    tonight = make_day(index, "tonight", datetime.date(2026, 3, 10), "Vigil tonight")
    make_day(index, "yesterday", datetime.date(2026, 3, 9), "Rally yesterday")
    tomorrow = make_day(index, "tomorrow", datetime.date(2026, 3, 11), "Strike tomorrow")
    now = datetime.datetime(2026, 3, 11, 2, 30, tzinfo=datetime.UTC)
    assert timezone.localtime(now).date() == datetime.date(2026, 3, 10)
    with mock.patch("django.utils.timezone.now", return_value=now):
        calendar, response = ics(client, index.url + "calendar.ics")
    assert str(calendar["X-WR-TIMEZONE"]) == "America/Chicago"
    found = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in events(calendar)}
    assert found == {"Vigil tonight": tonight.date, "Strike tomorrow": tomorrow.date}
    assert b"DTSTART;VALUE=DATE:20260310" in response.content
    (event,) = events(ics(client, tonight.url + "calendar.ics")[0])
    assert event.decoded("DTSTART") == datetime.date(2026, 3, 10)


def test_calendars_are_public_cacheable_and_carry_nothing_per_visitor(client, day):
    for url in (day.url + "calendar.ics", "/days-of-action/calendar.ics"):
        response = client.get(url)
        assert b"BEGIN:VCALENDAR" in response.content
        control = response["Cache-Control"]
        assert "public" in control and "s-maxage=60" in control, url
        assert "stale-while-revalidate" in control
        assert not response.cookies
        assert "Accept-Language" not in response.get("Vary", "")


def test_a_sub_route_of_the_day_has_no_calendar(client, day):
    assert client.get(day.url + "endorse/calendar.ics").status_code == 404
    assert client.get("/nowhere/calendar.ics").status_code == 404


def test_publishing_a_day_purges_its_calendar_and_the_feed(
    client, settings, day, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = True
    urls = (day.url + "calendar.ics", "/days-of-action/calendar.ics")
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    day.title = "The day is moved"
    day.date = day.date + datetime.timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        day.save_revision().publish()
    for url in urls:
        fresh = client.get(url)
        assert "X-Page-Cache" not in fresh, url
        (event,) = events(Calendar.from_ical(fresh.content))
        assert str(event["SUMMARY"]) == "The day is moved"
        assert event.decoded("DTSTART") == day.date
