"""Backups: backup API copies, retention, start-up only when changed, restore that keeps."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerInput
from app.dto.system import BackupInfo
from app.errors import KnownError
from app.files.backup_files import expired
from app.services.backups import BackupService, is_good

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def info(days_ago: float, reason: str, hour: int = 0) -> BackupInfo:
    created = NOW - dt.timedelta(days=days_ago) + dt.timedelta(hours=hour)
    return BackupInfo(f"{days_ago}-{hour}-{reason}", created, 1, reason, Path("x"))


def test_retention_keeps_7_daily_4_weekly_12_monthly_and_events_for_30_days() -> None:
    regular = [info(day, "start", hour) for day in range(400) for hour in (3, 1)]
    events = [info(day, reason) for day in (1, 29, 31, 300) for reason in ("import", "migration")]
    damaged = [info(500, "damaged")]
    backups = sorted([*regular, *events, *damaged], key=lambda b: b.created, reverse=True)
    gone = {b.name for b in expired(backups, NOW)}
    kept = [b for b in backups if b.name not in gone]
    kept_regular = [b for b in kept if b.reason == "start"]
    # Newest of each of the last 7 days, plus week and month representatives.
    assert [b.name for b in kept_regular[:7]] == [f"{day}-3-start" for day in range(7)]
    assert 7 + 1 <= len(kept_regular) <= 7 + 4 + 12
    months = {(b.created.year, b.created.month) for b in kept_regular}
    assert len(months) == 12
    assert {b.name for b in kept if b.reason in ("import", "migration")} == {
        "1-0-import", "1-0-migration", "29-0-import", "29-0-migration",
    }  # fmt: skip
    assert "500-0-damaged" not in gone


def test_start_backup_only_when_the_data_changed(context: AppContext, clock: FixedClock) -> None:
    backups = context.backups
    first = backups.back_up_if_changed()
    assert first is not None and first.reason == "start"
    clock.set(NOW + dt.timedelta(hours=1))
    assert backups.back_up_if_changed() is None
    context.customers.add(CustomerInput(name="New Person"))
    clock.set(NOW + dt.timedelta(days=1))
    second = backups.back_up_if_changed()
    assert second is not None and [b.name for b in backups.entries()] == [second.name, first.name]
    # A later change on the same day replaces that day's start-up backup.
    context.customers.add(CustomerInput(name="Another Person"))
    clock.set(NOW + dt.timedelta(days=1, hours=3))
    third = backups.back_up_if_changed()
    assert third is not None and [b.name for b in backups.entries()] == [third.name, first.name]


def test_backup_is_a_consistent_copy_while_open(context: AppContext) -> None:
    context.customers.add(CustomerInput(name="Committed In WAL"))
    made = context.backups.create("manual")
    assert is_good(made.path)
    with sqlite3.connect(made.path) as conn:
        assert conn.execute("SELECT name FROM customer").fetchall() == [("Committed In WAL",)]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_restore_round_trip_keeps_the_replaced_file(context: AppContext) -> None:
    context.customers.add(CustomerInput(name="Kept"))
    made = context.backups.create("manual")
    context.customers.add(CustomerInput(name="Later"))
    context.close()
    result = context.backups.restore(made.name)
    with sqlite3.connect(context.db_path) as conn:
        assert conn.execute("SELECT name FROM customer").fetchall() == [("Kept",)]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert result.kept is not None and result.kept.reason == "before-restore"
    with sqlite3.connect(result.kept.path) as conn:
        assert conn.execute("SELECT name FROM customer ORDER BY id").fetchall() == [
            ("Kept",), ("Later",),
        ]  # fmt: skip


def test_restore_refuses_a_damaged_backup_and_changes_nothing(context: AppContext) -> None:
    made = context.backups.create("manual")
    made.path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    context.close()
    before = context.db_path.read_bytes()
    with pytest.raises(KnownError, match="integrity check"):
        context.backups.restore(made.name)
    assert context.db_path.read_bytes() == before


@pytest.mark.parametrize("name", ["../planner.sqlite3", "/etc/passwd", "nope.sqlite3", ""])
def test_only_backup_names_from_the_folder(context: AppContext, name: str) -> None:
    with pytest.raises(KnownError, match="no backup named"):
        context.backups.restore(name)


def test_restore_over_a_damaged_database_moves_it_aside_untouched(
    db_path: Path, clock: FixedClock
) -> None:
    service = BackupService(db_path, db_path.parent / "backups", clock)
    made = service.create("manual")
    damage = b"SQLite format 3\x00" + b"\x13" * 8000
    db_path.write_bytes(damage)
    result = service.restore(made.name)
    assert result.kept is not None and result.kept.reason == "damaged"
    assert result.kept.path.read_bytes() == damage
    assert is_good(db_path)
    assert service.newest_good() == made
