"""Restore and salvage never leave less than the user had; backups stay within a size bound."""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
import time
from pathlib import Path

import pytest

import app.storage
from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerInput
from app.errors import KnownError, StorageError, ValidationError
from app.services import backups as backups_module
from app.services.backups import BackupService, is_good
from app.services.recovery import SalvageWouldLose, salvage_database

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "outlook_contacts_en.csv"


def customers(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT name FROM customer ORDER BY id")]


def test_a_restore_that_cannot_be_written_leaves_the_database_as_it_was(
    context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    context.customers.add(CustomerInput(name="Kept"))
    made = context.backups.create("manual")
    context.customers.add(CustomerInput(name="Later"))
    context.close()
    before = customers(context.db_path)

    def disk_fills(source: Path, target: Path) -> Path:
        partial = target.with_name(target.name + ".partial")
        partial.write_bytes(b"half a copy")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups_module, "backup_database", disk_fills)
    with pytest.raises(StorageError, match="full"):
        context.backups.restore(made.name)
    assert customers(context.db_path) == before == ["Kept", "Later"]
    leftovers = [p.name for p in context.db_path.parent.iterdir() if "partial" in p.name]
    assert leftovers == []


def test_restore_refuses_up_front_when_there_is_no_room(
    context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = context.backups.create("manual")
    context.close()
    before = context.db_path.read_bytes()
    monkeypatch.setattr(app.storage, "free_space", lambda _folder: 1000)
    with pytest.raises(StorageError, match="not enough free space"):
        context.backups.restore(made.name)
    assert context.db_path.read_bytes() == before
    assert [b.name for b in context.backups.entries()] == [made.name]


def test_salvage_that_rescues_nothing_refuses_and_keeps_the_file(tmp_path: Path) -> None:
    path = tmp_path / "planner.sqlite3"
    garbage = b"\x00garbage" * 1000
    path.write_bytes(garbage)
    service = BackupService(path, tmp_path / "backups", FixedClock(NOW))
    with pytest.raises(SalvageWouldLose, match="nothing could be rescued"):
        salvage_database(service, FixedClock(NOW))
    assert path.read_bytes() == garbage
    assert service.entries() == []
    result = salvage_database(service, FixedClock(NOW), accept_loss=True)
    assert result.rescued == 0 and is_good(path)


def damage_customers(context: AppContext, backup: bool) -> str | None:
    """300 customers, maybe a backup, then pages of the customer table overwritten."""
    for number in range(300):
        context.customers.add(CustomerInput(name=f"Customer {number:03d}", notes="x" * 300))
    made = context.backups.create("manual").name if backup else None
    context.close()
    path = context.db_path
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    for page in range(pages // 2, pages // 2 + 3):
        data[page * size : (page + 1) * size] = b"\xa5" * size
    path.write_bytes(bytes(data))
    return made


def test_salvage_with_fewer_rows_than_the_newest_backup_asks_first(
    context: AppContext, clock: FixedClock
) -> None:
    name = damage_customers(context, backup=True)
    assert name is not None
    path = context.db_path
    damaged = path.read_bytes()
    with pytest.raises(SalvageWouldLose, match=name) as caught:
        salvage_database(context.backups, clock)
    assert caught.value.missing["customer"] > 0
    assert path.read_bytes() == damaged
    result = salvage_database(context.backups, clock, accept_loss=True)
    assert result.compared_with == name
    assert 0 < result.rows["customer"] == 300 - result.missing["customer"]
    assert result.kept.path.read_bytes() == damaged


def test_salvage_that_skipped_unreadable_rows_asks_first_even_with_no_backup(
    context: AppContext, clock: FixedClock
) -> None:
    damage_customers(context, backup=False)
    damaged = context.db_path.read_bytes()
    with pytest.raises(SalvageWouldLose, match=r"could not be read \(.*customer") as caught:
        salvage_database(context.backups, clock)
    assert "customer" in caught.value.cut_short
    assert context.db_path.read_bytes() == damaged
    result = salvage_database(context.backups, clock, accept_loss=True)
    assert 0 < result.rows["customer"] < 300 and result.cut_short == caught.value.cut_short


def test_a_pre_import_backup_is_skipped_when_nothing_changed(context: AppContext) -> None:
    for _ in range(3):
        context.importing.run(context.importing.preview(SAMPLE, "auto"), "skip")
    imports = [b for b in context.backups.entries() if b.reason == "import"]
    # Before the first import, and before the second (the first one added rows); the third
    # import found the data as the second backup had it.
    assert len(imports) == 2


def test_backups_stay_within_the_size_limit_setting(context: AppContext) -> None:
    context.change_settings({"backup_limit_mb": "1"})
    for number in range(40):
        context.customers.add(CustomerInput(name=f"Customer {number}", notes="n" * 5_000))
        context.backups.create("import")
    entries = context.backups.entries()
    assert sum(b.size for b in entries) <= 1024 * 1024
    assert entries[0].size > 0 and customers(entries[0].path)[-1] == "Customer 39"
    with pytest.raises(ValidationError):
        context.change_settings({"backup_limit_mb": "lots"})


def test_the_default_limit_is_ten_times_the_database_or_2_gb(context: AppContext) -> None:
    wal = context.db_path.with_name(context.db_path.name + "-wal")
    size = context.db_path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    assert context.backups.size_limit() == min(10 * size, 2 * 1024**3)
    for number in range(30):
        context.customers.add(CustomerInput(name=f"Customer {number}"))
        context.backups.create("import")
    total = sum(b.size for b in context.backups.entries())
    assert total <= context.backups.size_limit()


def test_prune_removes_every_kind_of_stale_partial_file(context: AppContext) -> None:
    folder = context.backup_dir
    folder.mkdir(parents=True, exist_ok=True)
    names = ["a.sqlite3.partial", "a.sqlite3.partial-wal", "a.sqlite3.partial-journal"]
    old = time.time() - 3600
    for name in names:
        (folder / name).write_bytes(b"x")
        os.utime(folder / name, (old, old))
    beside = context.db_path.with_name(context.db_path.name + ".salvage-partial-wal")
    beside.write_bytes(b"x")
    os.utime(beside, (old, old))
    young = folder / "b.sqlite3.partial-shm"
    young.write_bytes(b"x")
    context.backups.prune()
    assert sorted(p.name for p in folder.iterdir()) == [young.name]
    assert not beside.exists()


def test_salvage_of_a_healthy_file_is_refused(context: AppContext, clock: FixedClock) -> None:
    context.close()
    before = context.db_path.read_bytes()
    with pytest.raises(KnownError, match="nothing to salvage"):
        salvage_database(context.backups, clock)
    assert context.db_path.read_bytes() == before
