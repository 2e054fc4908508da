"""Counting working hours: working days of the calendar, between a start and an end time."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from app.scheduling.calendar import WorkCalendar


def _at(day: dt.date, time_of_day: dt.time, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, time_of_day, tzinfo=zone)


def first_working_moment(start: dt.datetime, calendar: WorkCalendar, zone: ZoneInfo) -> dt.datetime:
    """`start` when it falls inside working hours, else when working hours next begin."""
    local = start.astimezone(zone)
    day, at = calendar.working_moment(local.date(), local.time())
    return local if (day, at) == (local.date(), local.time()) else _at(day, at, zone)


def add_working_hours(
    start: dt.datetime, hours: float, calendar: WorkCalendar, zone: ZoneInfo
) -> dt.datetime:
    """The local moment `hours` working hours after `start`, by the calendar's working hours.

    Friday 15:00 plus 4 hours with a 09:00-17:00 day is Monday 11:00; 13:00 plus 4 hours is
    17:00 the same day (the end of working hours is still inside them). Wall-clock
    arithmetic per day, so a daylight-saving change does not shift the hours.
    """
    if hours < 0:
        raise ValueError(f"hours must not be negative, got {hours}")
    cursor = first_working_moment(start, calendar, zone)
    remaining = dt.timedelta(hours=hours)
    while True:
        day = cursor.date()
        wall = dt.datetime.combine(day, cursor.time())
        closing = dt.datetime.combine(day, calendar.work_end)
        if remaining <= closing - wall:
            return (wall + remaining).replace(tzinfo=zone)
        remaining -= closing - wall
        cursor = _at(calendar.next_working_day(day), calendar.work_start, zone)
