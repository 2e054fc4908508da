"""Building touchpoint rows and DTOs: stable UIDs, local dates to UTC instants, sequences."""

from __future__ import annotations

import datetime as dt
import itertools
import secrets
import uuid
from collections.abc import Iterator
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, update
from sqlalchemy.orm import Session

from app.dto.touchpoints import TouchpointDTO
from app.dto.vocabulary import Status
from models.touchpoint import Touchpoint
from models.write_log import named_writes

UID_DOMAIN = "followup-planner"
# The last UUID group (12 hex digits) of a batch UID is its counter.
_COUNTER_BITS = 48


def new_uid() -> str:
    """Generated once per touchpoint and never reused: calendars match events on it."""
    return f"{uuid.uuid4()}@{UID_DOMAIN}"


class UidRun(NamedTuple):
    """One batch's UIDs: prefix, then a counter from start in 12 hex digits, then suffix."""

    prefix: str
    start: int
    suffix: str


def uid_run() -> UidRun:
    """UIDs for one batch of new touchpoints, shaped like new_uid()'s and as unique.

    The first four groups come from one random UUID (74 random bits), the last group counts
    up from a random start (47 more). Besides skipping a uuid4() per row, consecutive UIDs
    sort next to each other, so the UNIQUE index takes a batch as one run of neighbouring
    inserts instead of one random page per row (which halved the bulk insert time).
    """
    # Starting below 2**47 leaves 2**47 UIDs before the counter could outgrow its 12 digits.
    return UidRun(str(uuid.uuid4())[:24], secrets.randbits(_COUNTER_BITS - 1), f"@{UID_DOMAIN}")


def batch_uids() -> Iterator[str]:
    """The UIDs of a uid_run() one by one."""
    prefix, start, suffix = uid_run()
    for number in itertools.count(start):
        yield f"{prefix}{number:012x}{suffix}"


def due_instant(day: dt.date, time_of_day: dt.time | None, zone: ZoneInfo) -> dt.datetime | None:
    """The UTC instant of a local wall-clock time on day (None for all-day items)."""
    if time_of_day is None:
        return None
    return dt.datetime.combine(day, time_of_day, tzinfo=zone).astimezone(dt.UTC)


def touchpoint_values(
    *,
    customer_id: int,
    sale_id: int | None,
    step_id: int | None,
    kind: str,
    channel: str,
    day: dt.date,
    time_of_day: dt.time | None,
    zone: ZoneInfo,
    occurrence: int = 0,
    pinned: bool = False,
) -> dict[str, Any]:
    """Column values of a new planned touchpoint: a fresh UID and sequence 0."""
    return {
        "uid": new_uid(),
        "customer_id": customer_id,
        "sale_id": sale_id,
        "step_id": step_id,
        "kind": kind,
        "channel": channel,
        "occurrence": occurrence,
        "due_date": day,
        "due_at": due_instant(day, time_of_day, zone),
        "pinned": pinned,
        "status": Status.PLANNED,
        "sequence": 0,
    }


def new_touchpoint(**fields: Any) -> Touchpoint:
    """A planned touchpoint row (see touchpoint_values for the fields)."""
    return Touchpoint(**touchpoint_values(**fields))


def local_time(row: Touchpoint, zone: ZoneInfo) -> dt.time | None:
    return None if row.due_at is None else row.due_at.astimezone(zone).time()


def move(row: Touchpoint, day: dt.date, time_of_day: dt.time | None, zone: ZoneInfo) -> bool:
    """Set a new due day/time; bumps the calendar SEQUENCE only when something changed."""
    instant = due_instant(day, time_of_day, zone)
    if row.due_date == day and row.due_at == instant:
        return False
    row.due_date, row.due_at = day, instant
    row.sequence += 1
    return True


def to_dto(row: Any) -> TouchpointDTO:
    """From an agenda row, whose columns are in the DTO's field order (AGENDA_COLUMNS)."""
    # Positional on purpose: this is the agenda's hot path.
    return TouchpointDTO._make(row)


def skip_planned(
    session: Session, customer_id: int, which: ColumnElement[bool], reason: str, now: dt.datetime
) -> None:
    """Skip the customer's planned touchpoints that match `which`, for this reason (each gets
    a new calendar SEQUENCE, so the calendars drop them on the next sync)."""
    with named_writes(session, [customer_id]):
        session.execute(
            update(Touchpoint)
            .where(
                Touchpoint.customer_id == customer_id, Touchpoint.status == Status.PLANNED, which
            )
            .values(
                status=Status.SKIPPED,
                skip_reason=reason,
                sequence=Touchpoint.sequence + 1,
                updated_at=now,
            )
            .execution_options(synchronize_session="fetch")
        )
