"""Streaming .ics writer: one VCALENDAR, bytes-exact CRLF UTF-8, one event encoded at a time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from app.export.calendar_event import CalendarEvent
from app.export.ics_dates import rule_year
from app.export.ics_text import content_line, text_value
from app.export.vevent_encoder import EventEncoder, TzMode, check_export_settings
from app.export.vtimezone import vtimezone_lines

__all__ = [
    "CALENDAR_FOOTER",
    "DEFAULT_PRODID",
    "ByteSink",
    "TzMode",
    "calendar_header",
    "write_calendar",
]

DEFAULT_PRODID = "-//Follow-Up Planner//Follow-Up Planner//EN"
CALENDAR_FOOTER = b"END:VCALENDAR\r\n"


class ByteSink(Protocol):
    """Where the bytes go: a file opened with "wb", a BytesIO, a socket wrapper."""

    def write(self, data: bytes, /) -> object: ...


def calendar_header(
    *, calendar_name: str, tz_mode: TzMode, tzid: str, dtstamp: datetime, prodid: str
) -> bytes:
    """Everything before the first VEVENT, VTIMEZONE included in local mode."""
    check_export_settings(tz_mode, tzid, dtstamp)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{text_value(prodid)}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{text_value(calendar_name)}",
    ]
    if tz_mode == "local":
        lines += [f"X-WR-TIMEZONE:{tzid}", *vtimezone_lines(tzid, rule_year(dtstamp))]
    return b"".join(map(content_line, lines))


def write_calendar(
    events: Iterable[CalendarEvent],
    out: ByteSink,
    *,
    calendar_name: str,
    tz_mode: TzMode,
    tzid: str,
    dtstamp: datetime,
    prodid: str = DEFAULT_PRODID,
) -> int:
    """Write one complete VCALENDAR to `out` event by event; returns the number of events."""
    encoder = EventEncoder(tz_mode, tzid, dtstamp)
    out.write(
        calendar_header(
            calendar_name=calendar_name, tz_mode=tz_mode, tzid=tzid, dtstamp=dtstamp, prodid=prodid
        )
    )
    count = 0
    for event in events:
        out.write(encoder.encode(event))
        count += 1
    out.write(CALENDAR_FOOTER)
    return count
