"""Backups with SQLite's backup API: now, at start when changed, before imports; restore."""

from __future__ import annotations

import contextlib
import filecmp
import logging
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from app.clock import Clock
from app.errors import KnownError
from app.services.backup_files import BackupInfo, expired, free_name, listing, parse
from models.backup import backup_database
from models.integrity import DatabaseDamaged, check_integrity, has_data

log = logging.getLogger(__name__)
SIDE_FILES = ("-wal", "-shm", "-journal")
STALE_PARTIAL_SECONDS = 600


@dataclass(frozen=True)
class RestoreResult:
    """Which backup is now the database, and where the file it replaced was kept."""

    restored: BackupInfo
    kept: BackupInfo | None


def is_good(path: Path) -> bool:
    """SQLite's full integrity check passes (read-only: the file is not changed)."""
    try:
        uri = path.resolve().as_uri() + "?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
            return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False


class BackupService:
    """The backup folder of one database file; safe to use while the database is closed."""

    def __init__(self, db_path: Path, backup_dir: Path, clock: Clock) -> None:
        self.db_path = db_path
        self.backup_dir = backup_dir
        self._clock = clock
        # Backups of several databases may share a folder: the file name tells them apart.
        self.prefix = db_path.stem

    def entries(self) -> list[BackupInfo]:
        """Newest first."""
        return listing(self.backup_dir, self.prefix)

    def create(self, reason: str = "manual") -> BackupInfo:
        """A consistent copy of the database as it is now (the app may keep it open)."""
        info = self._copy(reason)
        self.prune()
        return info

    def _copy(self, reason: str) -> BackupInfo:
        if not self.db_path.exists():
            raise KnownError(f"there is no database at {self.db_path} to back up")
        target = free_name(self.backup_dir, self.prefix, self._clock.now(), reason)
        try:
            backup_database(self.db_path, target)
        except sqlite3.DatabaseError as exc:
            raise KnownError(f"cannot back up {self.db_path}: {exc}") from exc
        except OSError as exc:
            raise KnownError(f"cannot write the backup to {self.backup_dir}: {exc}") from exc
        info = parse(target, self.prefix)
        assert info is not None
        return info

    def back_up_if_changed(self) -> BackupInfo | None:
        """At start: a new backup only when the data differs from the newest backup's.

        Two backup-API copies of an unchanged database are byte-identical, so comparing a
        fresh copy with the newest backup is exact and needs no bookkeeping of our own.
        """
        if not has_data(self.db_path):
            return None
        info = self._copy("start")
        previous = next((b for b in self.entries() if b.name != info.name), None)
        if previous is not None and filecmp.cmp(previous.path, info.path, shallow=False):
            info.path.unlink()
            return None
        self.prune()
        return info

    def prune(self) -> list[BackupInfo]:
        """Delete what the retention rules no longer keep (and copies a crash left half-done)."""
        removed = expired(self.entries(), self._clock.now())
        for info in removed:
            info.path.unlink(missing_ok=True)
        if self.backup_dir.is_dir():
            # A copy still being written by another process is younger than this.
            cutoff = time.time() - STALE_PARTIAL_SECONDS
            for partial in self.backup_dir.glob("*.partial"):
                with contextlib.suppress(OSError):
                    if partial.stat().st_mtime < cutoff:
                        partial.unlink()
        return removed

    def find(self, name: str) -> BackupInfo:
        """The backup called name; only plain names from the backup folder are accepted."""
        info = parse(self.backup_dir / name, self.prefix) if Path(name).name == name else None
        if info is None or not info.path.is_file():
            raise KnownError(
                f"there is no backup named {name!r}", "See `followup backup list` for the names."
            )
        return info

    def newest_good(self) -> BackupInfo | None:
        for info in self.entries():
            if info.reason != "damaged" and is_good(info.path):
                return info
        return None

    def restore(self, name: str) -> RestoreResult:
        """Replace the database with a checked backup; the current file becomes a backup too.

        The database must be closed by this process. The copy goes through the backup API
        into the live file, so a WAL file beside it can never be replayed over the restored
        pages, and other connections see the old or the new data, never a mix.
        """
        info = self.find(name)
        if not is_good(info.path):
            raise KnownError(
                f"the backup {name} fails SQLite's integrity check", "Choose an older backup."
            )
        kept = self._keep_current()
        try:
            with (
                contextlib.closing(sqlite3.connect(info.path)) as source,
                contextlib.closing(sqlite3.connect(self.db_path)) as target,
            ):
                source.backup(target)
        except sqlite3.DatabaseError as exc:
            raise KnownError(f"restoring {name} failed: {exc}") from exc
        return RestoreResult(info, kept)

    def _keep_current(self) -> BackupInfo | None:
        if not has_data(self.db_path):
            return None
        try:
            check_integrity(self.db_path)
        except DatabaseDamaged:
            return self.set_aside()
        return self.create("before-restore")

    def set_aside(self) -> BackupInfo:
        """Move a damaged database (with its WAL) into the backup folder, unchanged."""
        target = free_name(self.backup_dir, self.prefix, self._clock.now(), "damaged")
        target.parent.mkdir(parents=True, exist_ok=True)
        for suffix in SIDE_FILES:
            side = self.db_path.with_name(self.db_path.name + suffix)
            if side.exists():
                side.replace(target.with_name(target.name + suffix))
        self.db_path.replace(target)
        log.warning("moved damaged database %s to %s", self.db_path, target)
        info = parse(target, self.prefix)
        assert info is not None
        return info
