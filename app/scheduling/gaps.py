"""Customer gap rule: at most one touchpoint a day and ``min_gap_days`` between touchpoints.

The gap is in calendar days: two distinct touchpoints need ``|a - b| >= min_gap_days``.
1 only forbids the same day; 0 switches the rule off. Collisions always move later.
"""

from collections.abc import Collection
from datetime import date

from app.scheduling.calendar import WorkCalendar


def respects_gap(day: date, taken: Collection[date], min_gap_days: int) -> bool:
    """True when ``day`` is at least ``min_gap_days`` away from every date in ``taken``."""
    # A plain loop, not all(): this runs for every placed touchpoint and is twice as fast.
    for other in taken:  # noqa: SIM110
        if abs((day - other).days) < min_gap_days:
            return False
    return True


def place_with_gap(
    candidate: date, taken: Collection[date], min_gap_days: int, calendar: WorkCalendar
) -> date:
    """``candidate``, or the first later working day that keeps the gap to ``taken``."""
    if min_gap_days < 0:
        raise ValueError(f"Minimum gap must not be negative, got {min_gap_days}")
    day = candidate
    while not respects_gap(day, taken, min_gap_days):
        day = calendar.next_working_day(day)
    return day
