"""Telling a storage problem (disk full, read-only, no permission) from a damaged file.

A full disk makes SQLite report "disk I/O error" (it cannot grow the -shm file) and a
read-only folder "unable to open database file": neither says anything about the data,
so neither may lead to the file being called damaged, moved or rebuilt."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

FULL, READ_ONLY, PERMISSION, IO = "disk full", "read-only", "permission denied", "I/O error"
# Below this much free space a failed write is put down to the full disk.
LOW_SPACE_BYTES = 1024 * 1024
# Judge access as this process will be judged: by its effective user (setuid, tests).
_EFFECTIVE = os.access in os.supports_effective_ids
_OS_KINDS = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: PERMISSION,
    errno.EPERM: PERMISSION,
}


class StorageProblem(Exception):
    """The disk or folder refused (full, read-only, no permission, I/O): the data is intact."""

    def __init__(self, kind: str, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {kind} ({detail})")
        self.kind = kind
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class FolderState:
    """What the folder holding a file allows, as `doctor` reports it."""

    folder: Path
    exists: bool
    free_bytes: int
    read_only: bool
    writable: bool

    @property
    def problem(self) -> str | None:
        """FULL, READ_ONLY or PERMISSION, or None when a write can be expected to work."""
        # A folder yet to be created is judged by the parent it would be created in.
        if self.read_only:
            return READ_ONLY
        if not self.writable:
            return PERMISSION
        if self.free_bytes < LOW_SPACE_BYTES:
            return FULL
        return None


def _may(path: Path, mode: int) -> bool:
    return os.access(path, mode, effective_ids=_EFFECTIVE)


def _existing(folder: Path) -> Path:
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def folder_state(folder: Path) -> FolderState:
    """Free space and writability of folder (of its nearest existing parent if missing)."""
    probe = _existing(folder)
    try:
        free = shutil.disk_usage(probe).free
    except OSError:
        return FolderState(folder, False, 0, False, False)
    read_only = False
    if hasattr(os, "statvfs"):  # POSIX; on Windows a read-only folder shows in os.access
        with contextlib.suppress(OSError):
            read_only = bool(os.statvfs(probe).f_flag & os.ST_RDONLY)
    writable = _may(probe, os.W_OK | os.X_OK) and not read_only
    return FolderState(folder, probe == folder, free, read_only, writable)


def storage_kind(exc: BaseException, path: Path) -> str | None:
    """The storage problem behind exc (an OSError or sqlite3.Error) at path, or None.

    None means the error is about the data itself (corrupt, not a database) or a bug."""
    if isinstance(exc, OSError):
        return _OS_KINDS.get(exc.errno or 0)
    if not isinstance(exc, sqlite3.Error):
        return None
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL":
        return FULL
    if name == "SQLITE_PERM" or name == "SQLITE_AUTH":
        return PERMISSION
    if not name.startswith(("SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_CANTOPEN")):
        return None
    state = folder_state(path.parent)
    if state.problem is not None:
        return state.problem
    if path.exists() and not _may(path, os.R_OK):
        return PERMISSION
    if name.startswith("SQLITE_READONLY"):
        return PERMISSION if not _may(path, os.W_OK) else READ_ONLY
    return IO


def problem_from(exc: BaseException, path: Path) -> StorageProblem | None:
    """exc as a StorageProblem when it is one, or was caused by one (SQLAlchemy's wrapper,
    a failed migration)."""
    seen: set[int] = set()
    pending: list[object] = [exc]
    while pending:
        candidate = pending.pop(0)
        if not isinstance(candidate, BaseException) or id(candidate) in seen:
            continue
        seen.add(id(candidate))
        if isinstance(candidate, StorageProblem):
            return candidate
        kind = storage_kind(candidate, path)
        if kind is not None:
            return StorageProblem(kind, path, str(candidate))
        pending += [getattr(candidate, "orig", None), candidate.__cause__, candidate.__context__]
    return None


def _wal_has_data(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that has read the schema; StorageProblem if the disk refuses.

    A WAL database in a folder nobody can write needs a -shm file it cannot create; with
    no WAL content to replay (nobody could have written one there) the file is opened
    as immutable instead. A damaged file raises sqlite3.DatabaseError as it is."""
    base = path.resolve().as_uri()
    try:
        return _opened(base + "?mode=ro")
    except sqlite3.Error as exc:
        kind = storage_kind(exc, path)
        if kind is None:
            raise
        if kind in (READ_ONLY, PERMISSION) and not _wal_has_data(path):
            with contextlib.suppress(sqlite3.Error):
                return _opened(base + "?immutable=1")
        raise StorageProblem(kind, path, str(exc)) from exc


def _opened(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def is_writable(path: Path) -> bool:
    """The file (or, for a new one, its folder) can be written by this process."""
    state = folder_state(path.parent)
    if state.read_only or not state.writable:
        return False
    return not path.exists() or _may(path, os.W_OK)
