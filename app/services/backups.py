"""Backups with SQLite's backup API: now, at start when changed, before imports; restore."""

from __future__ import annotations

import contextlib
import filecmp
import logging
import sqlite3
import time
from pathlib import Path

from app.clock import Clock
from app.dto.system import BackupInfo, RestoreResult
from app.errors import KnownError
from app.files.backup_files import expired, free_name, listing, parse
from app.files.backup_limit import over_limit, size_limit
from app.files.file_swap import (
    MARGIN_BYTES,
    footprint,
    install,
    leave_wal_mode,
    staged,
)
from app.i18n import N_, _
from app.storage import as_storage_error, room_for, storage_error
from models.backup import backup_database
from models.integrity import DatabaseDamaged, has_data, integrity_rows
from models.storage import StorageProblem

log = logging.getLogger(__name__)
SIDE_FILES = ("-wal", "-shm", "-journal")
STALE_PARTIAL_SECONDS = 600


def is_good(path: Path) -> bool:
    """SQLite's full integrity check passes (read-only: the file is not changed).

    Raises StorageProblem when the disk or folder keeps the file from being read at all:
    that says nothing about the data, so it must not count as "not good"."""
    try:
        return integrity_rows(path, "integrity_check") == ["ok"]
    except DatabaseDamaged:
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
            raise KnownError(
                _("there is no database at {path} to back up").format(path=self.db_path)
            )
        target = free_name(self.backup_dir, self.prefix, self._clock.now(), reason)
        try:
            backup_database(self.db_path, target)
        except (OSError, sqlite3.Error, StorageProblem) as exc:
            known = as_storage_error(exc, target, N_("write a backup")) or as_storage_error(
                exc, self.db_path, N_("write a backup")
            )
            if known is not None:
                raise known from exc
            raise KnownError(
                _("cannot back up {path}: {error}").format(path=self.db_path, error=exc)
            ) from exc
        info = parse(target, self.prefix)
        assert info is not None
        return info

    def _copy_unless_unchanged(self, reason: str) -> tuple[BackupInfo, bool]:
        """A fresh copy, or the newest backup when that holds exactly the same data.

        Two backup-API copies of an unchanged database are byte-identical, so comparing a
        fresh copy with the newest backup is exact and needs no bookkeeping of our own.
        """
        info = self._copy(reason)
        previous = next((b for b in self.entries() if b.name != info.name), None)
        if previous is not None and filecmp.cmp(previous.path, info.path, shallow=False):
            info.path.unlink()
            return previous, False
        self.prune()
        return info, True

    def back_up_if_changed(self) -> BackupInfo | None:
        """At start: a new backup only when the data differs from the newest backup's."""
        if not has_data(self.db_path):
            return None
        info, made = self._copy_unless_unchanged("start")
        return info if made else None

    def ensure_backup(self, reason: str) -> BackupInfo:
        """Before something risky: a backup holding the data as it is now (maybe an older one)."""
        return self._copy_unless_unchanged(reason)[0]

    def size_limit(self) -> int:
        """Bytes all backups together may take (the setting, else the automatic bound)."""
        return size_limit(self.db_path)

    def prune(self) -> list[BackupInfo]:
        """Delete what retention and the size bound no longer keep, and stale half copies."""
        entries = self.entries()
        removed = expired(entries, self._clock.now())
        gone = {info.name for info in removed}
        removed += over_limit([b for b in entries if b.name not in gone], self.size_limit())
        for info in removed:
            info.path.unlink(missing_ok=True)
        # A copy still being written by another process is younger than this.
        cutoff = time.time() - STALE_PARTIAL_SECONDS
        leftovers = [*self._globbed(self.backup_dir, "*.partial*")]
        leftovers += self._globbed(self.db_path.parent, f"{self.db_path.name}.*-partial*")
        for partial in leftovers:
            with contextlib.suppress(OSError):
                if partial.stat().st_mtime < cutoff:
                    partial.unlink()
        return removed

    @staticmethod
    def _globbed(folder: Path, pattern: str) -> list[Path]:
        return list(folder.glob(pattern)) if folder.is_dir() else []

    def find(self, name: str) -> BackupInfo:
        """The backup called name; only plain names from the backup folder are accepted."""
        info = parse(self.backup_dir / name, self.prefix) if Path(name).name == name else None
        if info is None or not info.path.is_file():
            raise KnownError(
                _("there is no backup named {name!r}").format(name=name),
                _("See `followup backup list` for the names."),
            )
        return info

    def newest_good(self) -> BackupInfo | None:
        for info in self.entries():
            with contextlib.suppress(StorageProblem):
                if info.reason != "damaged" and is_good(info.path):
                    return info
        return None

    def current_is_good(self, doing: str) -> bool | None:
        """None: no data yet; a disk or folder problem is a StorageError, never "damaged"."""
        if not has_data(self.db_path):
            return None
        try:
            return is_good(self.db_path)
        except StorageProblem as exc:
            raise storage_error(exc, doing) from exc

    def restore(self, name: str) -> RestoreResult:
        """Replace the database with a checked backup; the current file becomes a backup too.

        The backup is copied beside the database and checked first; only then is the
        current file kept (copied if healthy, moved if damaged) and the copy renamed over
        it. A full disk is refused before anything is touched. The database must not be
        open anywhere (checked: SQLite will not leave WAL mode while it is).
        """
        doing = N_("restore the backup")
        try:
            return self._restore(self.find(name), doing)
        except StorageProblem as exc:
            raise storage_error(exc, doing) from exc

    def _restore(self, info: BackupInfo, doing: str) -> RestoreResult:
        name = info.name
        if not is_good(info.path):
            raise KnownError(
                _("the backup {name} fails SQLite's integrity check").format(name=name),
                _("Choose an older backup."),
            )
        current = self.current_is_good(doing)
        self._room(info.size, footprint(self.db_path) if current else 0, doing)
        with staged(self.db_path, "restore", doing) as staging:
            backup_database(info.path, staging)
            if not is_good(staging):
                raise KnownError(
                    _("the copy of {name} did not verify").format(name=name),
                    _("Nothing was changed."),
                )
            if current:
                leave_wal_mode(self.db_path)
            kept = (
                self.create("before-restore")
                if current
                else (self.set_aside() if current is False else None)
            )
            install(staging, self.db_path)
        log.warning("restored %s from %s (kept %s)", self.db_path, name, kept)
        return RestoreResult(info, kept)

    def _room(self, beside_database: int, in_backups: int, doing: str) -> None:
        """Refuse before any write when either folder cannot take what is about to go there."""
        folder, backups = self.db_path.parent, self.backup_dir
        backups_probe = backups if backups.exists() else backups.parent
        same_disk = folder.stat().st_dev == backups_probe.stat().st_dev
        room_for(folder, beside_database + (in_backups if same_disk else 0) + MARGIN_BYTES, doing)
        # Also when on the same disk: the backup folder itself may be read-only.
        room_for(backups, (0 if same_disk else in_backups) + MARGIN_BYTES, doing)

    def room_for_salvage(self, doing: str) -> None:
        self._room(footprint(self.db_path), 0, doing)

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
