"""Putting a finished, checked file in place of the database: written elsewhere, then renamed."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from app.errors import BusyError, KnownError
from app.i18n import _
from app.storage import as_storage_error
from models.backup import remove_with_side_files, sync_file, sync_folder
from models.storage import StorageProblem

# Room kept free beyond the copy itself: SQLite's journal and the file system's own needs.
MARGIN_BYTES = 4 * 1024 * 1024


def staging_path(db_path: Path, purpose: str) -> Path:
    """Beside the database (same disk, so the final rename is atomic); pruned if left over."""
    return db_path.with_name(f"{db_path.name}.{purpose}-partial")


def footprint(path: Path) -> int:
    """The file and its WAL: what a copy of it can take at most."""
    total = 0
    for suffix in ("", "-wal"):
        with contextlib.suppress(OSError):
            total += path.with_name(path.name + suffix).stat().st_size
    return total


def leave_wal_mode(db_path: Path) -> None:
    """Fold the WAL into the file and leave WAL mode, so no old WAL is replayed later.

    SQLite only switches a file out of WAL mode when no other connection has it open, so
    this is also the check that no window or command is using the file right now."""
    try:
        with contextlib.closing(sqlite3.connect(db_path, timeout=1.0)) as conn:
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") != "SQLITE_BUSY":
            raise
        mode = "busy"
    if str(mode).lower() != "delete":
        raise BusyError(
            _("{path} is open in another window or command").format(path=db_path),
            _("Close the planner everywhere and try again; nothing was changed."),
        )


def install(staging: Path, db_path: Path) -> None:
    """Rename the finished file over the database (the old one was kept or moved first)."""
    sync_file(staging)
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            db_path.with_name(db_path.name + suffix).unlink()
    staging.replace(db_path)
    sync_folder(db_path.parent)


@contextlib.contextmanager
def staged(db_path: Path, purpose: str, doing: str) -> Iterator[Path]:
    """A staging path that is removed however the work ends; disk errors become messages."""
    staging = staging_path(db_path, purpose)
    remove_with_side_files(staging)
    try:
        yield staging
    except (OSError, sqlite3.Error, StorageProblem) as exc:
        known = as_storage_error(exc, staging, doing)
        if known is not None:
            raise known from exc
        raise KnownError(
            _("cannot {doing}: {error}").format(doing=doing, error=exc), _("Nothing was changed.")
        ) from exc
    finally:
        remove_with_side_files(staging)
        remove_with_side_files(staging.with_name(staging.name + ".partial"))
