"""Offset arithmetic: anchor date + amount in days, working days, weeks or calendar months."""

from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from app.dto.vocabulary import OffsetUnit
from app.scheduling.calendar import WorkCalendar


def apply_offset(anchor: date, amount: int, unit: OffsetUnit, calendar: WorkCalendar) -> date:
    """``anchor`` moved by ``amount`` ``unit``s; the result is not yet rolled to a working day.

    Months are calendar-correct (Jan 31 + 1 month = Feb 28 or 29). Working days count only
    days ``calendar`` works, so their result is already a working day.
    """
    try:
        move = _MOVES[unit]
    except KeyError:
        raise ValueError(f"Unknown offset unit {unit!r}") from None
    return move(anchor, amount, calendar)


def _add_days(anchor: date, amount: int, _calendar: WorkCalendar) -> date:
    return anchor + timedelta(days=amount)


def _add_weeks(anchor: date, amount: int, _calendar: WorkCalendar) -> date:
    return anchor + timedelta(weeks=amount)


def _add_months(anchor: date, amount: int, _calendar: WorkCalendar) -> date:
    return add_months(anchor, amount)


def _add_working_days(anchor: date, amount: int, calendar: WorkCalendar) -> date:
    return calendar.add_working_days(anchor, amount)


# A table rather than an if-chain: enum attribute lookups are slow and this runs per touchpoint.
_MOVES: dict[str, Callable[[date, int, WorkCalendar], date]] = {
    OffsetUnit.DAYS: _add_days,
    OffsetUnit.WEEKS: _add_weeks,
    OffsetUnit.MONTHS: _add_months,
    OffsetUnit.WORKING_DAYS: _add_working_days,
}


@lru_cache(maxsize=1 << 16)
def add_months(anchor: date, months: int) -> date:
    """Calendar-correct month arithmetic: the day is clamped to the target month's length."""
    # Cached because building a relativedelta dominates planning time for big batches,
    # while real anchors repeat a lot (a few years of dates times a few month offsets).
    moved: date = anchor + relativedelta(months=months)
    return moved


def fixed_length_days(amount: int, unit: OffsetUnit) -> int | None:
    """Length of the offset in calendar days, or None when it depends on the dates involved."""
    if unit == OffsetUnit.DAYS:
        return amount
    if unit == OffsetUnit.WEEKS:
        return 7 * amount
    return None
