"""Bulk writes straight to the driver: tens of thousands of rows without per-row overhead.

Values are stored exactly as SQLAlchemy's SQLite types store them (ISO dates; naive UTC
"YYYY-MM-DD HH:MM:SS.ffffff" datetimes), so ORM reads see the same data; a test reads
bulk-written rows back through the ORM to keep the two in step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from models.base import stored_utc, utcnow

SALE_COLUMNS = (
    "customer_id", "closed_on", "outcome", "amount_minor", "currency", "description",
    "promised_delivery", "baseline_delivery", "plan_id",
)  # fmt: skip


class NewTouchpoint(NamedTuple):
    """A planned touchpoint to insert: status planned, sequence 0, no subject or outcome."""

    uid: str
    customer_id: int
    sale_id: int | None
    step_id: int | None
    kind: str
    occurrence: int
    channel: str
    due_date: dt.date
    due_at: dt.datetime | None
    pinned: bool = False


class TouchpointMove(NamedTuple):
    """A planned touchpoint's new day, instant, channel and calendar SEQUENCE."""

    row_id: int
    due_date: dt.date
    due_at: dt.datetime | None
    channel: str
    sequence: int


class NewCommitment(NamedTuple):
    """A promise to insert."""

    customer_id: int
    sale_id: int | None
    text: str
    due_on: dt.date
    buffer_days: int
    status: str
    note: str
    created_at: dt.datetime
    recovered: bool = False


# Planned rows take their constant columns from the statement, not from each row.
_INSERT_TOUCHPOINT = (
    "INSERT INTO touchpoint (uid, customer_id, sale_id, step_id, kind, occurrence, channel,"
    " due_date, due_at, pinned, created_at, updated_at, status, sequence, subject,"
    " outcome_note, skip_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " 'planned', 0, '', '', '')"
)
_INSERT_COMMITMENT = (
    "INSERT INTO commitment (customer_id, sale_id, text, due_on, buffer_days, status, note,"
    " created_at, recovered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_MOVE_TOUCHPOINT = (
    "UPDATE touchpoint SET due_date = ?, due_at = ?, channel = ?, sequence = ?, updated_at = ?"
    " WHERE id = ?"
)


def _utc_text(value: dt.datetime | None) -> str | None:
    return None if value is None else stored_utc(value)


def _date_text(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


class _Texts(dict[Hashable, str | None]):
    """Stored text of each distinct value, converted once: a batch repeats few dates."""

    def __init__(self, convert: Callable[[Any], str | None]) -> None:
        super().__init__()
        self._convert = convert

    def __missing__(self, key: Hashable) -> str | None:
        text = self[key] = self._convert(key)
        return text


# Only these columns need converting; everything else goes to the driver as it is.
CONVERTERS: dict[str, Any] = {
    "closed_on": _date_text,
    "promised_delivery": _date_text,
    "baseline_delivery": _date_text,
}


def _executemany(session: Session, sql: str, values: Iterable[Sequence[Any]]) -> None:
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, values)
    finally:
        cursor.close()


def _insert(
    session: Session, table: str, columns: Sequence[str], rows: Sequence[dict[str, Any]]
) -> None:
    now = _utc_text(utcnow())
    marks = ", ".join("?" * (len(columns) + 2))
    plain = [name for name in columns if name not in CONVERTERS]
    converted = [(name, CONVERTERS[name]) for name in columns if name in CONVERTERS]
    order = [*plain, *(name for name, _ in converted)]
    names = ", ".join((*order, "created_at", "updated_at"))
    values = [
        (
            *[row[name] for name in plain],
            *[convert(row[name]) for name, convert in converted],
            now,
            now,
        )
        for row in rows
    ]
    _executemany(session, f"INSERT INTO {table} ({names}) VALUES ({marks})", values)


class TouchpointRows:
    """Planned touchpoints gathered for one executemany, converted as they come.

    A batch then holds plain tuples of text and numbers, which the garbage collector stops
    tracking, rather than tens of thousands of NamedTuples it walks on every collection.
    """

    def __init__(self) -> None:
        self._now = _utc_text(utcnow())
        self._days = _Texts(_date_text)
        self._instants = _Texts(_utc_text)
        self._values: list[tuple[Any, ...]] = []

    def __len__(self) -> int:
        return len(self._values)

    def add(self, row: NewTouchpoint) -> None:
        day, instant = self._days[row.due_date], self._instants[row.due_at]
        self._values.append((*row[:7], day, instant, int(row.pinned), self._now, self._now))

    def insert(self, session: Session) -> None:
        """Insert everything added so far (status planned, sequence 0)."""
        _executemany(session, _INSERT_TOUCHPOINT, self._values)


def insert_touchpoints(session: Session, rows: Iterable[NewTouchpoint]) -> None:
    """Insert planned touchpoints in one executemany."""
    gathered = TouchpointRows()
    for row in rows:
        gathered.add(row)
    gathered.insert(session)


def insert_commitments(session: Session, rows: Iterable[NewCommitment]) -> None:
    """Insert promises in one executemany."""
    days, instants = _Texts(_date_text), _Texts(_utc_text)
    values = (
        (*row[:3], days[row.due_on], *row[4:7], instants[row.created_at], int(row.recovered))
        for row in rows
    )
    _executemany(session, _INSERT_COMMITMENT, values)


def move_touchpoints(session: Session, moves: Iterable[TouchpointMove], now: dt.datetime) -> None:
    """Give planned touchpoints their new day, time, channel and SEQUENCE in one executemany."""
    stamp = _utc_text(now)
    days, instants = _Texts(_date_text), _Texts(_utc_text)
    values = (
        (days[row.due_date], instants[row.due_at], row.channel, row.sequence, stamp, row.row_id)
        for row in moves
    )
    _executemany(session, _MOVE_TOUCHPOINT, values)


def insert_sales(session: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert sales; returns their ids in input order."""
    if not rows:
        return []
    _insert(session, "sale", SALE_COLUMNS, rows)
    # The transaction holds SQLite's write lock since the insert, and rowids are assigned
    # as max+1: the newest len(rows) ids are ours, in insertion order.
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        ids = [row[0] for row in cursor.execute(
            "SELECT id FROM sale ORDER BY id DESC LIMIT ?", (len(rows),)
        )]  # fmt: skip
    finally:
        cursor.close()
    return ids[::-1]
