"""Storage problems are told apart from damage by error code and errno, not by message."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from models import storage
from models.integrity import DatabaseDamaged, check_integrity
from models.storage import FULL, IO, PERMISSION, READ_ONLY, StorageProblem, storage_kind


def sqlite_error(name: str) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(name.lower())
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("number", "kind"),
    [(errno.ENOSPC, FULL), (errno.EDQUOT, FULL), (errno.EROFS, READ_ONLY),
     (errno.EACCES, PERMISSION), (errno.ENOENT, None)],
)  # fmt: skip
def test_os_errors_by_errno(tmp_path: Path, number: int, kind: str | None) -> None:
    assert storage_kind(OSError(number, "x"), tmp_path / "planner.sqlite3") == kind


def test_sqlite_codes_that_are_about_the_data_are_not_storage(tmp_path: Path) -> None:
    path = tmp_path / "planner.sqlite3"
    assert storage_kind(sqlite_error("SQLITE_CORRUPT"), path) is None
    assert storage_kind(sqlite_error("SQLITE_NOTADB"), path) is None
    assert storage_kind(sqlite_error("SQLITE_FULL"), path) == FULL
    assert storage_kind(sqlite_error("SQLITE_PERM"), path) == PERMISSION
    # An I/O error on a disk with room and a writable folder: the disk, not the data.
    assert storage_kind(sqlite_error("SQLITE_IOERR_READ"), path) == IO


def test_an_io_error_on_a_full_disk_is_called_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = storage.folder_state

    def full(folder: Path) -> storage.FolderState:
        state = real(folder)
        return storage.FolderState(state.folder, state.exists, 4096, False, True)

    monkeypatch.setattr(storage, "folder_state", full)
    error = sqlite_error("SQLITE_IOERR_SHMSIZE")
    assert storage_kind(error, tmp_path / "planner.sqlite3") == FULL


def test_the_check_raises_storage_problems_not_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "planner.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")

    def refuse(_uri: str) -> sqlite3.Connection:
        raise sqlite_error("SQLITE_FULL")

    monkeypatch.setattr(storage, "_opened", refuse)
    with pytest.raises(StorageProblem) as caught:
        check_integrity(path)
    assert caught.value.kind == FULL and not isinstance(caught.value, DatabaseDamaged)
