"""How UTC instants are written as text in SQLite, importable without SQLAlchemy."""

from __future__ import annotations

import datetime as dt


def stored_utc(value: dt.datetime) -> str:
    """An aware datetime as UTCDateTime keeps it in SQLite (naive UTC, a space, microseconds),
    for SQL that goes straight to the driver."""
    if value.tzinfo is None:
        raise ValueError(f"naive datetime for a UTC column: {value!r}")
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
