"""SQLite's quick check on a database file, importable without SQLAlchemy.

Start-up runs it on a second thread while the main one imports the rest of the app."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from models.storage import StorageProblem, connect_read_only, storage_kind


class DatabaseDamaged(Exception):
    """The file is not a readable SQLite database or fails its integrity check."""


def has_data(path: Path) -> bool:
    """The file exists and is not empty (an empty one is a database yet to be created)."""
    return path.exists() and path.stat().st_size > 0


def integrity_rows(path: Path, pragma: str = "quick_check") -> list[str]:
    """SQLite's verdict (["ok"] when sound); DatabaseDamaged or StorageProblem when unreadable.

    A full disk, a read-only folder or a refused permission is a StorageProblem, never
    damage: the advice for damage (restore, salvage) would replace a healthy file."""
    try:
        with contextlib.closing(connect_read_only(path)) as conn:
            return [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}").fetchall()]
    except StorageProblem:
        raise
    except sqlite3.Error as exc:
        kind = storage_kind(exc, path)
        if kind is not None:
            raise StorageProblem(kind, path, str(exc)) from exc
        raise DatabaseDamaged(f"{path} cannot be read as a database: {exc}") from exc


def check_integrity(path: Path) -> None:
    """Raise DatabaseDamaged unless SQLite's quick check passes (StorageProblem: see above)."""
    rows = integrity_rows(path)
    if rows != ["ok"]:
        detail = "; ".join(rows[:3])
        raise DatabaseDamaged(f"{path} failed its integrity check: {detail}")
