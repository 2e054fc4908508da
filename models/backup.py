"""Consistent copies of a live database through SQLite's online backup API."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path


def backup_database(source: Path, target: Path) -> Path:
    """Copy source to target page by page under SQLite's locking (never a raw file copy)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with (
        contextlib.closing(sqlite3.connect(source)) as src,
        contextlib.closing(sqlite3.connect(partial)) as dst,
    ):
        src.backup(dst)
        # A backup is a single file: no WAL beside it.
        dst.execute("PRAGMA journal_mode = DELETE")
    # Only a finished copy gets the real name, so a crash never leaves a half backup.
    partial.replace(target)
    return target
