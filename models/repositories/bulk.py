"""Bulk writes straight to the driver: tens of thousands of rows without per-row overhead.

Values are stored exactly as SQLAlchemy's SQLite types store them (ISO dates; naive UTC
"YYYY-MM-DD HH:MM:SS.ffffff" datetimes), so ORM reads see the same data; a test reads
bulk-written rows back through the ORM to keep the two in step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from models.base import utcnow

TOUCHPOINT_COLUMNS = (
    "uid", "customer_id", "sale_id", "step_id", "kind", "occurrence", "channel", "due_date",
    "due_at", "status", "sequence", "pinned",
)  # fmt: skip
SALE_COLUMNS = (
    "customer_id", "closed_on", "outcome", "amount_minor", "currency", "description",
    "promised_delivery", "baseline_delivery", "plan_id",
)  # fmt: skip


def _utc_text(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("bulk writes take aware datetimes only")
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _date_text(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


# Only these columns need converting; everything else goes to the driver as it is.
CONVERTERS: dict[str, Any] = {
    "due_date": _date_text,
    "due_at": _utc_text,
    "closed_on": _date_text,
    "promised_delivery": _date_text,
    "baseline_delivery": _date_text,
    "pinned": int,
}


def _insert(
    session: Session, table: str, columns: Sequence[str], rows: Sequence[dict[str, Any]]
) -> None:
    now = _utc_text(utcnow())
    extra = ("", "", "") if table == "touchpoint" else ()
    marks = ", ".join("?" * (len(columns) + 2 + len(extra)))
    plain = [name for name in columns if name not in CONVERTERS]
    converted = [(name, CONVERTERS[name]) for name in columns if name in CONVERTERS]
    order = [*plain, *(name for name, _ in converted)]
    text_columns = ("subject", "outcome_note", "skip_reason") if extra else ()
    names = ", ".join((*order, "created_at", "updated_at", *text_columns))
    values = [
        (
            *[row[name] for name in plain],
            *[convert(row[name]) for name, convert in converted],
            now,
            now,
            *extra,
        )
        for row in rows
    ]
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)
    finally:
        cursor.close()


def insert_touchpoints(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert planned touchpoints given as column dicts (see TOUCHPOINT_COLUMNS)."""
    if rows:
        _insert(session, "touchpoint", TOUCHPOINT_COLUMNS, rows)


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
