"""SIGKILL during `settings set working_days`: the setting and its re-plan land together or not."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.context import build_context
from app.dto.customers import CustomerInput
from app.dto.sales import SaleInput
from app.secrets import MemorySecretStore

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("crash_child.py")
KILLS = 12
CUSTOMERS = 400
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]
# SQLite's strftime('%w'): 0 is Sunday; mon,wed,fri leaves Tue, Thu, Sat and Sun off.
OFF_DAYS = "('0', '2', '4', '6')"


def state(db: Path) -> tuple[object, int]:
    """The stored working days and how many planned, unpinned touchpoints fall off them."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        row = conn.execute("SELECT value_json FROM setting WHERE key = 'working_days'").fetchone()
        off = conn.execute(
            "SELECT count(*) FROM touchpoint WHERE status = 'planned' AND NOT pinned"
            f" AND strftime('%w', due_date) IN {OFF_DAYS}"
        ).fetchone()[0]
    return (None if row is None else json.loads(row[0])), off


@pytest.fixture
def busy_planner(template_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "seed" / "planner.sqlite3"
    db.parent.mkdir()
    shutil.copyfile(template_db, db)
    clock = FixedClock(dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC))
    context = build_context(db, clock, secrets=MemorySecretStore())
    ids = [
        context.customers.add(CustomerInput(name=f"C{i}", birthday=f"1980-{i % 12 + 1:02}-14")).id
        for i in range(CUSTOMERS)
    ]
    sales = [SaleInput(customer_id=i, closed_on=dt.date(2026, 10, 30), outcome="won") for i in ids]
    context.bulk_sales.record_many(sales)
    context.close()
    return db


def start_child(seed: Path, folder: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    """A copy of the seeded planner in folder, and a child changing it once it said ready."""
    folder.mkdir()
    db = folder / "planner.sqlite3"
    shutil.copyfile(seed, db)
    child = subprocess.Popen(
        [sys.executable, str(CHILD), "settings", str(db), "mon,wed,fri"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child


def test_kill_during_a_working_days_change_never_saves_it_without_its_replan(
    busy_planner: Path, tmp_path: Path
) -> None:
    rng = random.Random(20261203)
    env = {**os.environ, "FOLLOWUP_TODAY": "2026-11-02", "PYTHONPATH": str(ROOT)}
    before, off_before = state(busy_planner)
    assert off_before > 0  # Tuesdays and Thursdays are planned today: the change must move them
    # One uninterrupted run says how long the change takes on this machine, now: the kills
    # then spread from its start to past its end, so both outcomes occur however loaded.
    with start_child(busy_planner, tmp_path / "full", env) as full:
        started = time.monotonic()
        assert full.stdout is not None and full.stdout.readline().strip() == "done"
        took = time.monotonic() - started
        assert full.wait(timeout=30) == 0
    seen = {"unchanged": 0, "complete": 0}
    for kill in range(KILLS):
        db = tmp_path / f"kill{kill}" / "planner.sqlite3"
        with start_child(busy_planner, tmp_path / f"kill{kill}", env) as child:
            time.sleep(took * (1.5 * kill / (KILLS - 1)) * rng.uniform(0.9, 1.1))
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        stored, off = state(db)
        if stored == before:
            assert off == off_before, "nothing was saved, yet touchpoints moved"
            seen["unchanged"] += 1
        else:
            assert stored == [0, 2, 4], stored
            assert off == 0, f"setting saved but {off} follow-ups left on non-working days"
            seen["complete"] += 1
    print(f"settings crash outcomes (change took {took:.2f} s):", seen)
    assert seen["unchanged"] > 0 and seen["complete"] > 0, seen
