"""Customer gap rule: at most one touchpoint a day and ``min_gap_days`` between touchpoints.

The gap is in calendar days: two distinct touchpoints need ``|a - b| >= min_gap_days``.
1 only forbids the same day; 0 switches the rule off. Collisions always move later.
"""

from collections.abc import Collection, Iterable
from datetime import date, timedelta

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


def near_days(days: Iterable[date | None], min_gap_days: int) -> frozenset[date]:
    """The dates too close to one of ``days`` (None: no date): what ``respects_gap`` refuses.

    A day keeps the gap to all of ``days`` exactly when it is not in this set, so checking
    many sets of taken dates against the same days is one set lookup per date.
    """
    near: set[date] = set()
    reach = range(1 - min_gap_days, min_gap_days)
    for day in days:
        if day is None:
            continue
        for shift in reach:
            # Days beyond the calendar's ends cannot be taken, so they need no entry.
            try:
                near.add(day + timedelta(days=shift))
            except OverflowError:
                continue
    return frozenset(near)
