"""Calendar objects: one touchpoint as one VCALENDAR resource, and reading what a calendar did."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from app.export.calendar_event import CalendarEvent
from app.export.ics_writer import write_calendar

_METHOD = b"\r\nMETHOD:PUBLISH\r\n"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def object_name(uid: str) -> str:
    """The resource name for a UID: readable, and the same on every run (crash recovery)."""
    return _UNSAFE.sub("-", uid) + ".ics"


def calendar_object(
    event: CalendarEvent, *, calendar_name: str, tzid: str, now: dt.datetime
) -> bytes:
    """The export's bytes for one event (VTIMEZONE included), as a CalDAV resource."""
    out = io.BytesIO()
    write_calendar(
        [event], out, calendar_name=calendar_name, tz_mode="local", tzid=tzid, dtstamp=now
    )
    data = out.getvalue()
    # RFC 4791 4.1: objects in a calendar collection MUST NOT carry METHOD (an export may).
    if _METHOD not in data:
        raise AssertionError("the .ics writer no longer writes METHOD:PUBLISH where expected")
    return data.replace(_METHOD, b"\r\n", 1)


@dataclass(frozen=True)
class RemoteEvent:
    """What the sync reads back from a calendar object: identity, time, and when it changed."""

    uid: str
    start: dt.date | dt.datetime
    sequence: int
    # LAST-MODIFIED, else DTSTAMP: when the calendar app last changed it (UTC), if it says.
    changed_at: dt.datetime | None

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    def local_slot(self, zone: ZoneInfo) -> tuple[dt.date, dt.time | None]:
        """(day, wall-clock time or None for all-day) in the user's zone."""
        if not isinstance(self.start, dt.datetime):
            return self.start, None
        local = self.start.astimezone(zone)
        return local.date(), local.time().replace(second=0, microsecond=0)


def _utc(value: object, zone: ZoneInfo) -> dt.datetime | None:
    if not isinstance(value, dt.datetime):
        return None
    # A floating time (no zone) is read as the user's local time.
    aware = value if value.tzinfo is not None else value.replace(tzinfo=zone)
    return aware.astimezone(dt.UTC)


def parse_event(data: bytes, uid: str, zone: ZoneInfo) -> RemoteEvent | None:
    """The master VEVENT with this UID (None if absent or unreadable)."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(data)
    except ValueError:
        return None
    for component in calendar.walk("VEVENT"):
        if str(component.get("uid", "")) != uid or component.get("recurrence-id") is not None:
            continue
        start = component.get("dtstart")
        if start is None:
            return None
        value = start.dt
        if isinstance(value, dt.datetime):
            value = _utc(value, zone) or value
        changed = component.get("last-modified") or component.get("dtstamp")
        return RemoteEvent(
            uid=uid,
            start=value,
            sequence=int(component.get("sequence", 0) or 0),
            changed_at=_utc(changed.dt, zone) if changed is not None else None,
        )
    return None
