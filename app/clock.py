"""The one source of 'today' and 'now' (FOLLOWUP_TODAY pins it for tests and demos)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import Protocol
from zoneinfo import ZoneInfo

from app.errors import KnownError, ValidationError
from app.i18n import N_, _
from app.validation import EARLIEST_DATE, LATEST_DATE, check_date

PINNED_TODAY_VARIABLE = "FOLLOWUP_TODAY"


class Clock(Protocol):
    """What services ask for the current time."""

    def now(self) -> dt.datetime:
        """The current instant, timezone-aware (UTC)."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class FixedClock:
    """A clock that stands still at one instant."""

    def __init__(self, instant: dt.datetime) -> None:
        if instant.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._instant = instant.astimezone(dt.UTC)

    def now(self) -> dt.datetime:
        return self._instant

    def set(self, instant: dt.datetime) -> None:
        self._instant = instant.astimezone(dt.UTC)


class PinnedClock:
    """FOLLOWUP_TODAY: standing still at 09:00 UTC of that date, or, where that instant is
    another date in the user's zone (west of UTC-9), at 09:00 local time on it.

    The zone is a setting, read from the database after the clock is made: the context
    binds it (follow_zone). Today is the pinned date in every case."""

    def __init__(self, day: dt.date) -> None:
        self.day = day
        self._zone: Callable[[], dt.tzinfo] = lambda: dt.UTC

    def follow_zone(self, zone: Callable[[], dt.tzinfo]) -> None:
        self._zone = zone

    def now(self) -> dt.datetime:
        instant = dt.datetime.combine(self.day, PINNED_TIME, dt.UTC)
        zone = self._zone()
        if instant.astimezone(zone).date() == self.day:
            return instant
        return dt.datetime.combine(self.day, PINNED_TIME, zone).astimezone(dt.UTC)


PINNED_TIME = dt.time(9, 0)


def local_today(clock: Clock, zone: ZoneInfo) -> dt.date:
    """Today's date in the user's zone (the pinned date, when FOLLOWUP_TODAY is set)."""
    if isinstance(clock, PinnedClock):
        return clock.day
    return clock.now().astimezone(zone).date()


def clock_from_environment() -> Clock:
    """SystemClock, or a PinnedClock on FOLLOWUP_TODAY when it is set."""
    pinned = os.environ.get(PINNED_TODAY_VARIABLE, "").strip()
    if not pinned:
        return SystemClock()
    shown = pinned if len(pinned) <= 40 else pinned[:40] + "…"
    try:
        day = check_date(dt.date.fromisoformat(pinned), N_("today"))
    except (ValueError, ValidationError) as exc:
        raise KnownError(
            _("{variable}={shown!r} is not a date the planner can work from.").format(
                variable=PINNED_TODAY_VARIABLE, shown=shown
            ),
            _("Use YYYY-MM-DD between {first_year} and {last_year}, or unset it.").format(
                first_year=EARLIEST_DATE.year, last_year=LATEST_DATE.year
            ),
        ) from exc
    return PinnedClock(day)
