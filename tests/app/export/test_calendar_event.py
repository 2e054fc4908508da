"""CalendarEvent's invariants and the default durations by channel."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from app.export.calendar_event import default_duration
from tests.app.export.samples import touchpoints, won_sale_plan

NAIVE = datetime(2026, 11, 24, 10, 0)
AWARE = NAIVE.replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("channel", "minutes"),
    [("phone", 15), ("in_person", 30), ("visit", 30), ("email", 15), ("letter", 15), ("", 15)],
)
def test_default_duration(channel: str, minutes: int) -> None:
    assert default_duration(channel) == timedelta(minutes=minutes)


def test_all_day_flag() -> None:
    timed, all_day = touchpoints()
    assert not timed.all_day
    assert all_day.all_day


def test_events_are_frozen() -> None:
    event = won_sale_plan()[0]
    with pytest.raises(FrozenInstanceError):
        event.summary = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    "changes",
    [
        {"uid": ""},
        {"uid": "has space"},
        {"uid": "semi;colon"},
        {"uid": "comma,uid"},
        {"uid": "back\\slash"},
        {"uid": "x" * 256},
        {"uid": "ümlaut"},
        {"sequence": -1},
        {"status": "TENTATIVE"},
        {"alarm_minutes": -5},
        {"last_modified": NAIVE},
        {"start": NAIVE, "end": NAIVE + timedelta(minutes=15)},
        {"start": AWARE, "end": AWARE},
        {"start": AWARE, "end": AWARE - timedelta(minutes=1)},
        {"start": AWARE, "end": date(2026, 11, 25)},
        {"start": date(2026, 11, 24), "end": date(2026, 11, 24)},
    ],
)
def test_invalid_events_are_refused(changes: dict[str, Any]) -> None:
    valid = won_sale_plan()[0]
    with pytest.raises(ValueError):
        replace(valid, **changes)


def test_valid_variants_are_accepted() -> None:
    valid = won_sale_plan()[0]
    longest_uid = replace(valid, uid="u" * 255)
    multi_day = replace(valid, start=date(2026, 11, 24), end=date(2026, 11, 27))
    assert len(longest_uid.uid) == 255
    assert multi_day.all_day
