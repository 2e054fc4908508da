"""The integrity check that start-up runs beside its imports gives the same verdicts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.startup_check import IntegrityCheck
from models.integrity import DatabaseDamaged


def _database(path: Path) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
        db.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(100)])
    return path


def test_a_good_file_passes(tmp_path: Path) -> None:
    path = _database(tmp_path / "good.sqlite3")
    IntegrityCheck.start(path).result(path)


def test_a_damaged_file_is_reported_on_the_main_thread(tmp_path: Path) -> None:
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(b"not a database at all " * 300)
    check = IntegrityCheck.start(path)
    with pytest.raises(DatabaseDamaged, match="cannot be read"):
        check.result(path)


def test_a_new_file_has_nothing_to_check(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    IntegrityCheck.start(path).result(path)


def test_a_file_that_appeared_later_is_checked_then(tmp_path: Path) -> None:
    path = tmp_path / "late.sqlite3"
    check = IntegrityCheck.start(path)
    check._thread.join()
    path.write_bytes(b"garbage " * 600)
    with pytest.raises(DatabaseDamaged):
        check.result(path)


def test_another_path_is_checked_on_the_spot(tmp_path: Path) -> None:
    good = _database(tmp_path / "good.sqlite3")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database " * 300)
    with pytest.raises(DatabaseDamaged):
        IntegrityCheck.start(good).result(bad)
