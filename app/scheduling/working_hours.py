"""Counting working hours: working days of the calendar, between a start and an end time."""

from __future__ import annotations

import bisect
import datetime as dt
from zoneinfo import ZoneInfo

from app.scheduling.calendar import WorkCalendar
from app.scheduling.zone_offsets import offset_segments


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


class WorkingHoursMeter:
    """Working hours between two instants, for many pairs over a stretch of days: each
    working day's hours are summed once, so a pair costs two look-ups, not a walk.

    The same wall-clock reading as add_working_hours: the hours that function adds to a
    start are the hours this one measures back to it."""

    def __init__(
        self,
        first: dt.date,
        last: dt.date,
        calendar: WorkCalendar,
        zone: ZoneInfo,
    ) -> None:
        # The calendar already refused working hours that end before they start.
        work_start, work_end = calendar.work_start, calendar.work_end
        self._first, self._last = first, last
        self._zone = zone
        # As seconds once: a pair of instants is measured thousands of times per Insights read.
        self._start_seconds = _wall_seconds(work_start)
        self._end_seconds = _wall_seconds(work_end)
        self._day_seconds = self._end_seconds - self._start_seconds
        self._before: list[float] = []  # working seconds before each day of the stretch
        self._working: list[bool] = []
        total = 0.0
        day = first
        while day <= last:
            working = calendar.is_working_day(day)
            self._before.append(total)
            self._working.append(working)
            total += self._day_seconds if working else 0.0
            day += dt.timedelta(days=1)
        self._total = total
        # The zone's offsets over the stretch (and a day either side, so what falls outside
        # is placed on the right side of it): a stored UTC instant becomes local time by
        # one search and one addition, where converting through the zone costs far more.
        segments = offset_segments(zone, first - dt.timedelta(days=2), last + dt.timedelta(days=2))
        self._changes = [since.replace(tzinfo=None) for since, _ in segments[1:] if since]
        self._shifts = [dt.timedelta(minutes=minutes) for _, minutes in segments]

    def local(self, utc: dt.datetime) -> dt.datetime:
        """The local wall-clock time (naive) of a naive UTC instant, as stored."""
        return utc + self._shifts[bisect.bisect_right(self._changes, utc)]

    def hours_stored(self, start: dt.datetime, end: dt.datetime) -> float:
        """hours() for naive UTC instants, as stored (Insights measures thousands)."""
        return (
            max(0.0, self._wall_position(self.local(end)) - self._wall_position(self.local(start)))
            / 3600
        )

    def _position(self, instant: dt.datetime) -> float:
        """Working seconds from the stretch's first morning up to `instant`."""
        return self._wall_position(instant.astimezone(self._zone))

    def _wall_position(self, local: dt.datetime) -> float:
        """_position() of a local wall-clock time."""
        day = local.date()
        if day < self._first:
            return 0.0
        if day > self._last:
            return self._total
        index = (day - self._first).days
        if not self._working[index]:
            return self._before[index]
        wall = _wall_seconds(local.time())
        inside = min(max(wall, self._start_seconds), self._end_seconds)
        return self._before[index] + inside - self._start_seconds

    def hours(self, start: dt.datetime, end: dt.datetime) -> float:
        """Working hours from `start` to `end` (0 when `end` is not later)."""
        return max(0.0, self._position(end) - self._position(start)) / 3600


def _wall_seconds(moment: dt.time) -> float:
    return moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6
