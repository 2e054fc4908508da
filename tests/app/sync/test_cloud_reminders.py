"""Reminders on Google and Microsoft events: all-day ones fire at a working hour, not 23:45."""

from __future__ import annotations

import datetime as dt

import pytest

from app.export.calendar_event import CalendarEvent
from app.sync.cloud_events import google_body, graph_body

DAY = dt.date(2026, 12, 10)


def _event(minutes: int | None, at: dt.time | None, all_day: bool = True) -> CalendarEvent:
    start: dt.date | dt.datetime = DAY
    end: dt.date | dt.datetime = DAY + dt.timedelta(days=1)
    if not all_day:
        start = dt.datetime(2026, 12, 10, 14, tzinfo=dt.UTC)
        end = start + dt.timedelta(minutes=30)
    return CalendarEvent(
        uid="a@b", sequence=0, summary="Call Anna", description="", categories=(),
        start=start, end=end, status="CONFIRMED", transparent=False, alarm_minutes=minutes,
        all_day_alarm=at, last_modified=dt.datetime(2026, 12, 7, tzinfo=dt.UTC),
    )  # fmt: skip


def _google_minutes(event: CalendarEvent) -> list[int]:
    body = google_body(event, 1, "Europe/Berlin", "abc")
    assert body["reminders"]["useDefault"] is False
    return [item["minutes"] for item in body["reminders"]["overrides"]]


def _graph_minutes(event: CalendarEvent) -> int | None:
    body = graph_body(event, "Europe/Berlin")
    return body["reminderMinutesBeforeStart"] if body["isReminderOn"] else None


@pytest.mark.parametrize(
    ("minutes", "at", "fires"),
    [
        # Same day at 9:00 cannot be said (minutes before midnight only): 9:00 the day before.
        (15, dt.time(9), dt.datetime(2026, 12, 9, 9)),
        (0, dt.time(8, 30), dt.datetime(2026, 12, 9, 8, 30)),
        # Whole days before, at the start of the working day, as the .ics file says.
        (1440, dt.time(9), dt.datetime(2026, 12, 9, 9)),
        (3 * 1440 + 5, dt.time(10), dt.datetime(2026, 12, 7, 10)),
        (40320, dt.time(8, 30), dt.datetime(2026, 11, 12, 8, 30)),
        # A working day that starts at midnight: the day's own start.
        (15, dt.time(0), dt.datetime(2026, 12, 10, 0, 0)),
    ],
)
def test_all_day_reminders_fire_at_the_start_of_a_working_day(
    minutes: int, at: dt.time, fires: dt.datetime
) -> None:
    event = _event(minutes, at)
    midnight = dt.datetime.combine(DAY, dt.time())
    for before in (*_google_minutes(event), _graph_minutes(event)):
        assert before is not None and 0 <= before <= 40320
        assert midnight - dt.timedelta(minutes=before) == fires


def test_timed_reminders_and_no_reminder_are_as_set() -> None:
    assert _google_minutes(_event(15, dt.time(9), all_day=False)) == [15]
    assert _graph_minutes(_event(15, dt.time(9), all_day=False)) == 15
    assert _google_minutes(_event(None, dt.time(9))) == []
    assert _graph_minutes(_event(None, dt.time(9))) is None
    # Without a working-day time, the minutes count back from midnight as given.
    assert _google_minutes(_event(15, None)) == [15]
