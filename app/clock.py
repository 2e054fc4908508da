"""The one source of 'today' and 'now' (FOLLOWUP_TODAY pins it for tests and demos)."""

from __future__ import annotations

import datetime as dt
import os
from typing import Protocol
from zoneinfo import ZoneInfo

from app.errors import KnownError

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


def local_today(clock: Clock, zone: ZoneInfo) -> dt.date:
    """Today's date in the user's zone."""
    return clock.now().astimezone(zone).date()


def clock_from_environment() -> Clock:
    """SystemClock, or a FixedClock at 09:00 UTC of FOLLOWUP_TODAY when it is set."""
    pinned = os.environ.get(PINNED_TODAY_VARIABLE, "").strip()
    if not pinned:
        return SystemClock()
    try:
        day = dt.date.fromisoformat(pinned)
    except ValueError as exc:
        raise KnownError(
            f"{PINNED_TODAY_VARIABLE}={pinned!r} is not a date.", "Use YYYY-MM-DD or unset it."
        ) from exc
    return FixedClock(dt.datetime.combine(day, dt.time(9, 0), dt.UTC))
