"""Read exported bytes back with icalendar and vobject into comparable tuples."""

from __future__ import annotations

from datetime import date, datetime

import icalendar
import vobject

from app.export.calendar_event import CalendarEvent
from app.export.ics_text import clean_text

EventKey = tuple[str, date | datetime, date | datetime, str, str]


def expected(event: CalendarEvent) -> EventKey:
    """What a parser should give back: the cleaned text, the same instants."""
    return (
        event.uid,
        event.start,
        event.end,
        clean_text(event.summary),
        clean_text(event.description),
    )


def with_icalendar(data: bytes) -> list[EventKey]:
    calendar = icalendar.Calendar.from_ical(data)
    return [
        (
            str(event["UID"]),
            event.decoded("DTSTART"),
            event.decoded("DTEND"),
            str(event["SUMMARY"]),
            str(event.get("DESCRIPTION", "")),
        )
        for event in calendar.walk("VEVENT")
    ]


def with_vobject(data: bytes) -> list[EventKey]:
    calendar = vobject.readOne(data.decode("utf-8"))
    return [
        (
            event.uid.value,
            event.dtstart.value,
            event.dtend.value,
            event.summary.value,
            event.description.value if "description" in event.contents else "",
        )
        for event in calendar.contents.get("vevent", [])
    ]
