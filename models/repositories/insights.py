"""Insights' reads: every statement of insights_sql in one transaction, straight to the driver."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from models.repositories.insights_sql import Frame, statements


def read(session: Session, frame: Frame) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every statement, by name; one snapshot, as the session reads it."""
    # The driver's cursor: the rows are a few per week, and SQLAlchemy's result processing
    # would cost more than SQLite's work on some of them.
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    params = frame.params()
    try:
        return {name: cursor.execute(sql, params).fetchall() for name, sql in statements(frame).items()}
    finally:
        cursor.close()
