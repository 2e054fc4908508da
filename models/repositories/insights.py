"""Insights' reads: every statement of insights_sql in one transaction, straight to the driver."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from models.repositories.insights_sql import Frame, last_contacts, statements
from models.utc_text import stored_utc


def read(session: Session, frame: Frame) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every statement, by name; one snapshot, as the session reads it.

    'last_contacts' holds the last contact (before the period's end) of the listed forgotten
    customers whose last contact lies before what the trend reads."""
    # The driver's cursor: the rows are a few per week, and SQLAlchemy's result processing
    # would cost more than SQLite's work on some of them.
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return run(cursor, frame)
    finally:
        cursor.close()


def run(cursor: Any, frame: Frame) -> dict[str, list[tuple[Any, ...]]]:
    """read() on a DB-API cursor: the service's session or, for the benchmark, plain sqlite3."""
    params = frame.params()
    found = {
        name: cursor.execute(sql, params).fetchall() for name, sql in statements(frame).items()
    }
    unseen = [row[1] for row in found["silent_spells"] if row[0] == "who" and row[6] is None]
    found["last_contacts"] = (
        cursor.execute(last_contacts(len(unseen)), (*unseen, stored_utc(frame.end_utc))).fetchall()
        if unseen
        else []
    )
    return found
