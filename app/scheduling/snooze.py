"""Snooze targets for a touchpoint, always on a working day."""

from datetime import date, timedelta

from app.scheduling.calendar import WorkCalendar


def snooze_to_next_working_day(day: date, calendar: WorkCalendar) -> date:
    """The first working day after ``day`` ("tomorrow" for a snooze from today)."""
    return calendar.next_working_day(day)


def snooze_by_days(day: date, days: int, calendar: WorkCalendar) -> date:
    """``days`` calendar days after ``day``, rolled forward to a working day."""
    if days < 1:
        raise ValueError(f"Snooze needs at least one day, got {days}")
    return calendar.roll(day + timedelta(days=days))


def snooze_until(target: date, calendar: WorkCalendar, today: date) -> date:
    """``target`` rolled forward to a working day; a target in the past means today."""
    return calendar.roll(max(target, today))
