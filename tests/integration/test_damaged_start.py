"""A damaged database at start: named, left alone, newest good backup offered, or salvaged."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.context import build_context
from app.dto.customers import CustomerInput
from app.services.backups import BackupService, is_good
from app.services.recovery import DamagedDatabase, SalvageWouldLose, salvage_database
from ui.main import main

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def planner_with(path: Path, names: list[str]) -> None:
    context = build_context(path, FixedClock(NOW))
    try:
        for name in names:
            context.customers.add(CustomerInput(name=name, notes="x" * 300))
    finally:
        context.close()


def damage_pages(path: Path, pages: list[int]) -> None:
    """Overwrite these whole pages, as a failing disk would."""
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    for page in pages:
        data[page * size : (page + 1) * size] = b"\xa5" * size
    path.write_bytes(bytes(data))


def pages_holding(path: Path, text: bytes) -> list[int]:
    """The pages whose bytes hold `text`: where a table's rows are, whatever indexes a
    later schema adds around them."""
    data = path.read_bytes()
    size = int.from_bytes(data[16:18], "big")
    return [n for n in range(1, len(data) // size) if text in data[n * size : (n + 1) * size]]


def test_damaged_file_names_the_newest_good_backup_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "planner.sqlite3"
    planner_with(path, ["Ana Silva"])
    service = BackupService(path, tmp_path / "backups", FixedClock(NOW))
    good = service.create("manual")
    bad = service.create("import")
    bad.path.write_bytes(b"SQLite format 3\x00" + b"\xee" * 9000)
    damage = b"SQLite format 3\x00" + b"\xff" * 4000
    path.write_bytes(damage)
    with pytest.raises(DamagedDatabase) as caught:
        build_context(path, FixedClock(NOW))
    assert caught.value.good_backup == good
    assert f"backup restore {good.name}" in str(caught.value)
    assert path.read_bytes() == damage


def test_cli_says_which_command_restores_and_restore_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "planner.sqlite3"
    planner_with(path, ["Ana Silva"])
    good = BackupService(path, tmp_path / "backups", FixedClock(NOW)).create("manual")
    path.write_bytes(b"this is not a database" * 200)
    assert main(["--db", str(path), "customer", "list"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert f"followup --db {path} backup restore {good.name}" in err
    assert main(["--db", str(path), "backup", "restore", good.name]) == 0
    capsys.readouterr()
    assert main(["--db", str(path), "customer", "list"]) == 0
    assert "Ana Silva" in capsys.readouterr().out
    kept = [p.name for p in (tmp_path / "backups").glob("*-damaged.sqlite3")]
    assert len(kept) == 1


def test_no_good_backup_salvages_the_readable_rows(tmp_path: Path) -> None:
    path = tmp_path / "planner.sqlite3"
    names = [f"Customer {i:04d}" for i in range(400)]
    planner_with(path, names)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # Three pages of customer rows from the middle of the table (found by their names, as
    # cased in the rows: the lower-cased search text does not match).
    holding = pages_holding(path, b"Customer 02")
    middle = len(holding) // 2
    damage_pages(path, holding[middle : middle + 3])
    assert not is_good(path)
    with pytest.raises(DamagedDatabase, match="backup salvage") as caught:
        build_context(path, FixedClock(NOW))
    assert caught.value.good_backup is None
    service = BackupService(path, tmp_path / "backups", FixedClock(NOW))
    # Rows were lost with the damaged pages: the user is asked first (--accept-loss).
    with pytest.raises(SalvageWouldLose, match="could not be read"):
        salvage_database(service, FixedClock(NOW))
    result = salvage_database(service, FixedClock(NOW), accept_loss=True)
    assert is_good(path) and result.kept.reason == "damaged"
    context = build_context(path, FixedClock(NOW))
    try:
        rescued = context.customers.count()
        assert 0 < rescued <= len(names)
        assert context.plans.all()
    finally:
        context.close()
    assert result.rows["customer"] == rescued


def test_salvage_of_garbage_gives_an_empty_working_database(tmp_path: Path) -> None:
    path = tmp_path / "planner.sqlite3"
    path.write_bytes(b"\x00garbage" * 1000)
    service = BackupService(path, tmp_path / "backups", FixedClock(NOW))
    # Nothing is rescued: the user is asked first (the CLI's --accept-loss).
    result = salvage_database(service, FixedClock(NOW), accept_loss=True)
    assert result.rows == {} and result.rescued == 0
    context = build_context(path, FixedClock(NOW))
    try:
        assert context.customers.count() == 0 and context.plans.all()
    finally:
        context.close()
