"""Counting working hours: working days of the calendar, between a start and an end time."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from app.scheduling.calendar import WorkCalendar


def _at(day: dt.date, time_of_day: dt.time, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, time_of_day, tzinfo=zone)


def first_working_moment(
    start: dt.datetime,
    calendar: WorkCalendar,
    work_start: dt.time,
    work_end: dt.time,
    zone: ZoneInfo,
) -> dt.datetime:
    """`start` when it falls inside working hours, else when working hours next begin."""
    local = start.astimezone(zone)
    day = local.date()
    if calendar.is_working_day(day):
        if local.time() < work_start:
            return _at(day, work_start, zone)
        if local.time() < work_end:
            return local
    return _at(calendar.next_working_day(day), work_start, zone)


def add_working_hours(
    start: dt.datetime,
    hours: float,
    calendar: WorkCalendar,
    work_start: dt.time,
    work_end: dt.time,
    zone: ZoneInfo,
) -> dt.datetime:
    """The local moment `hours` working hours after `start`.

    Friday 15:00 plus 4 hours with a 09:00-17:00 day is Monday 11:00. Wall-clock
    arithmetic per day, so a daylight-saving change does not shift the hours.
    """
    if work_end <= work_start:
        raise ValueError(f"working hours end ({work_end}) must be after they start ({work_start})")
    if hours < 0:
        raise ValueError(f"hours must not be negative, got {hours}")
    cursor = first_working_moment(start, calendar, work_start, work_end, zone)
    remaining = dt.timedelta(hours=hours)
    while True:
        day = cursor.date()
        wall = dt.datetime.combine(day, cursor.time())
        closing = dt.datetime.combine(day, work_end)
        if remaining <= closing - wall:
            return (wall + remaining).replace(tzinfo=zone)
        remaining -= closing - wall
        cursor = _at(calendar.next_working_day(day), work_start, zone)
