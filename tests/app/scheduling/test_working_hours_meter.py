"""Working hours measured between instants read back what add_working_hours added."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.scheduling.calendar import WorkCalendar
from app.scheduling.working_hours import WorkingHoursMeter, add_working_hours
from app.scheduling.zone_offsets import local_midnight, offset_segments

BERLIN = ZoneInfo("Europe/Berlin")
NINE, FIVE = dt.time(9), dt.time(17)


def test_hours_measured_are_the_hours_added_across_weekends_holidays_and_dst() -> None:
    calendar = WorkCalendar(frozenset(range(5)), "DE-BY", frozenset(), NINE, FIVE)
    meter = WorkingHoursMeter(dt.date(2026, 10, 1), dt.date(2027, 3, 31), calendar, BERLIN)
    start = dt.datetime(2026, 10, 1, 8, 0, tzinfo=dt.UTC)
    for hours in (0.5, 4, 8, 13.25, 40, 200):
        for days in range(0, 90, 7):
            moment = start + dt.timedelta(days=days, hours=days % 11)
            end = add_working_hours(moment, hours, calendar, BERLIN)
            assert meter.hours(moment, end) == pytest.approx(hours)


def test_friday_afternoon_to_monday_morning_is_four_hours() -> None:
    calendar = WorkCalendar(frozenset(range(5)), None, frozenset(), NINE, FIVE)
    meter = WorkingHoursMeter(dt.date(2026, 11, 1), dt.date(2026, 11, 30), calendar, BERLIN)
    friday = dt.datetime(2026, 11, 13, 15, 0, tzinfo=BERLIN)
    monday = dt.datetime(2026, 11, 16, 11, 0, tzinfo=BERLIN)
    assert meter.hours(friday, monday) == pytest.approx(4.0)
    assert meter.hours(monday, friday) == 0.0


def test_offsets_change_where_berlin_changes_its_clocks() -> None:
    segments = offset_segments(BERLIN, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert segments == (
        (None, 60),
        (dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC), 120),
        (dt.datetime(2026, 10, 25, 1, 0, tzinfo=dt.UTC), 60),
    )
    assert local_midnight(dt.date(2026, 7, 1), BERLIN) == dt.datetime(
        2026, 6, 30, 22, 0, tzinfo=dt.UTC
    )


@pytest.mark.parametrize("zone", [BERLIN, ZoneInfo("America/St_Johns"), ZoneInfo("Asia/Kolkata")])
def test_stored_instants_measure_as_the_zone_converts_them(zone: ZoneInfo) -> None:
    """The fast path for stored (naive UTC) instants gives what converting through the zone
    gives: local times across the clock changes, and hours, also for instants outside the
    stretch and on the minute of a change."""
    calendar = WorkCalendar(frozenset(range(5)), "DE-BY", frozenset(), NINE, FIVE)
    meter = WorkingHoursMeter(dt.date(2026, 3, 1), dt.date(2026, 11, 30), calendar, zone)
    first = dt.datetime(2026, 2, 20, 0, 0)
    instants = [first + dt.timedelta(minutes=97 * step) for step in range(0, 4_200)]
    for change, _minutes in offset_segments(zone, dt.date(2026, 3, 1), dt.date(2026, 11, 30))[1:]:
        assert change is not None
        naive = change.replace(tzinfo=None)
        instants += [naive - dt.timedelta(microseconds=1), naive, naive + dt.timedelta(seconds=1)]
    for utc in instants:
        aware = utc.replace(tzinfo=dt.UTC)
        assert meter.local(utc) == aware.astimezone(zone).replace(tzinfo=None), utc
    for start, end in zip(instants[::7], instants[3::7], strict=False):
        expected = meter.hours(start.replace(tzinfo=dt.UTC), end.replace(tzinfo=dt.UTC))
        assert meter.hours_stored(start, end) == expected
