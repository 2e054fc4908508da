"""The period an Insights read covers, and how its SQL reads stored instants as the user's
local days and weeks; shared by every statement of the read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from models.utc_text import stored_utc


# Customers in the trash are left out of every figure. As a set built once per statement
# (the few deleted ids), not a join: looking up each row's customer cost more than the rest.
# With the trash empty (most of the time) the first test, answered once, settles every row.
def alive(column: str) -> str:
    return (
        "(NOT EXISTS (SELECT 1 FROM customer WHERE deleted_at IS NOT NULL)"
        f" OR {column} NOT IN (SELECT id FROM customer WHERE deleted_at IS NOT NULL))"
    )


# Searched in ix_customer_key (is_key, deleted_at): a bare `is_key` would scan all of it.
KEY_IDS = "(SELECT id FROM customer WHERE is_key > 0 AND deleted_at IS NULL)"


@dataclass(frozen=True)
class Frame:
    """A period and how to read it: local days from `start` to `end` (inclusive), cut into
    `weeks` seven-day buckets counted back from `end` (the first may be shorter)."""

    start: dt.date
    end: dt.date
    today: dt.date
    weeks: int
    # The local zone as UTC offsets: (from this instant on, minutes); the first has None.
    offsets: Sequence[tuple[dt.datetime | None, int]]
    start_utc: dt.datetime  # the first local moment of `start`
    end_utc: dt.datetime  # the first local moment after `end`
    revenue_from: dt.date
    default_cadence: int
    key_cadence: int
    list_limit: int = 200

    def params(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "today": self.today.isoformat(),
            "weeks": self.weeks,
            "start_utc": stored_utc(self.start_utc),
            "end_utc": stored_utc(self.end_utc),
            "revenue_from": self.revenue_from.isoformat(),
            "default_cadence": self.default_cadence,
            "key_cadence": self.key_cadence,
            "list_limit": self.list_limit,
        }


def local_function(function: str, column: str, frame: Frame) -> str:
    """SQL applying a date function to a stored UTC instant moved to local time (newest
    offset first: most rows are recent, so most rows compare once)."""
    shift = [f"'{minutes:+d} minutes'" for _since, minutes in frame.offsets]
    if len(shift) == 1:
        return f"{function}({column}, {shift[0]})"
    branches = " ".join(
        f"WHEN {column} >= '{stored_utc(since)}' THEN {shift[index]}"
        for index, (since, _minutes) in reversed(list(enumerate(frame.offsets)))
        if since is not None
    )
    return f"{function}({column}, CASE {branches} ELSE {shift[0]} END)"


def local_day(column: str, frame: Frame) -> str:
    """SQL for the local day of a stored UTC instant, as text."""
    return local_function("date", column, frame)


def week_of(day: str) -> str:
    """SQL for the bucket of a local day: 0 for the first week, weeks - 1 for the last, the
    first for days before the period and `weeks` for days after it."""
    return (
        f"(CASE WHEN {day} IS NULL OR {day} > :end THEN :weeks"
        f" ELSE max(0, :weeks - 1 - CAST((julianday(:end) - julianday({day})) / 7 AS INTEGER))"
        " END)"
    )
