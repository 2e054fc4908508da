"""SQLite's quick check on a database file, importable without SQLAlchemy.

Start-up runs it on a second thread while the main one imports the rest of the app."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path


class DatabaseDamaged(Exception):
    """The file is not a readable SQLite database or fails its integrity check."""


def has_data(path: Path) -> bool:
    """The file exists and is not empty (an empty one is a database yet to be created)."""
    return path.exists() and path.stat().st_size > 0


def check_integrity(path: Path) -> None:
    """Raise DatabaseDamaged unless SQLite's quick check passes."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(f"{path} cannot be read as a database: {exc}") from exc
    if rows != [("ok",)]:
        detail = "; ".join(str(row[0]) for row in rows[:3])
        raise DatabaseDamaged(f"{path} failed its integrity check: {detail}")
