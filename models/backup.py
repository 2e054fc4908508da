"""Consistent copies of a live database through SQLite's online backup API."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path

from models.storage import StorageProblem, connect_read_only


def backup_database(source: Path, target: Path) -> Path:
    """Copy source to target page by page under SQLite's locking (never a raw file copy)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        with (
            contextlib.closing(sqlite3.connect(source)) as src,
            contextlib.closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst)
            # A backup is a single file: no WAL beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
        sync_file(partial)
        # Only a finished copy gets the real name, so a crash never leaves a half backup.
        partial.replace(target)
    except BaseException:
        remove_with_side_files(partial)
        raise
    sync_folder(target.parent)
    return target


def remove_with_side_files(path: Path) -> None:
    """Delete a file and its -wal, -shm and -journal (a half-written copy, say)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def sync_file(path: Path) -> None:
    """The file's bytes are on the disk before it is renamed into place."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    """A rename is durable once its folder is synced (POSIX; a no-op where unsupported)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def table_counts(path: Path, tables: list[str]) -> dict[str, int]:
    """Rows per table of a readable database (tables it lacks are left out)."""
    counts: dict[str, int] = {}
    with contextlib.closing(connect_read_only(path)) as conn:
        for table in tables:
            with contextlib.suppress(sqlite3.Error):
                counts[table] = int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    return counts


def stored_setting(path: Path, key: str) -> object | None:
    """One stored setting read straight from the file; None when it cannot be read."""
    try:
        with contextlib.closing(connect_read_only(path)) as conn:
            row = conn.execute("SELECT value_json FROM setting WHERE key = ?", (key,)).fetchone()
    except (sqlite3.Error, StorageProblem):
        return None
    return json.loads(row[0]) if row else None
