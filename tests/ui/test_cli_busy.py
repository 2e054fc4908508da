"""Concurrency drills: CLI writes wait for another writer's lock; past the timeout, "busy"."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import models.db
from ui.main import main

ROOT = Path(__file__).resolve().parents[2]
BUSY_LINE = "the planner is busy with another task (import running?)"
pytestmark = pytest.mark.slow
SALE = ("--customer", "1", "--closed", "2026-11-02", "--outcome", "won")


@contextmanager
def writer_holding_lock(db: Path, seconds: float) -> Iterator[None]:
    """Another connection takes the write lock (as an import would) and keeps it `seconds`."""
    taken = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(db, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE setting SET key = key")
            taken.set()
            time.sleep(seconds)
            conn.execute("COMMIT")
        finally:
            conn.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert taken.wait(5)
    try:
        yield
    finally:
        holder.join(timeout=seconds + 10)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def with_customer(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(capsys, "--db", str(db_path), "customer", "add", "--name", "Ana")[0] == 0
    return db_path


@pytest.mark.parametrize(
    "command",
    [
        ["customer", "add", "--name", "Ben"],
        ["sale", "add", *SALE],
        ["settings", "set", "working_days", "mon,wed,fri"],
    ],
)
def test_a_write_waits_for_another_writer_and_succeeds(
    with_customer: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    started = time.monotonic()
    with writer_holding_lock(with_customer, 1.5):
        code, _out, err = run(capsys, "--db", str(with_customer), *command)
    assert (code, err) == (0, "")
    assert time.monotonic() - started >= 1.4


def test_a_lock_held_past_the_timeout_exits_75_with_the_busy_line(
    with_customer: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A shorter timeout keeps the drill quick; the rule is the same at 5 s.
    monkeypatch.setattr(models.db, "BUSY_TIMEOUT_MS", 400)
    with writer_holding_lock(with_customer, 2.5):
        code, out, err = run(capsys, "--db", str(with_customer), "sale", "add", *SALE)
    assert code == 75
    assert out == ""
    assert err.count("\n") == 1 and BUSY_LINE in err
    # Nothing of the refused sale was written.
    with sqlite3.connect(with_customer) as conn:
        assert conn.execute("SELECT count(*) FROM sale").fetchone() == (0,)


WRITER = """
import sys
from ui.main import main
db, lane, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
failures = 0
for i in range(count):
    args = ["--db", db, "customer", "add", "--name", f"L{lane}-{i}"]
    if main(args) != 0:
        failures += 1
    sale = ["sale", "add", "--customer", "1", "--closed", "2026-11-02", "--outcome", "won"]
    if main(["--db", db, *sale]) != 0:
        failures += 1
print("failures", failures, flush=True)
"""


def test_concurrent_cli_writers_lose_nothing(with_customer: Path) -> None:
    lanes, count = 3, 12
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FOLLOWUP_TODAY": "2026-11-02"}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(with_customer), str(lane), str(count)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for lane in range(lanes)
    ]
    # An import-like writer takes the lock now and then, as happens in real use.
    for _ in range(4):
        with writer_holding_lock(with_customer, 0.8):
            pass
        time.sleep(0.3)
    outputs = [writer.communicate(timeout=240) for writer in writers]
    for (out, err), writer in zip(outputs, writers, strict=True):
        assert writer.returncode == 0, err
        assert "failures 0" in out, err
    with sqlite3.connect(with_customer) as conn:
        assert conn.execute("SELECT count(*) FROM customer").fetchone() == (1 + lanes * count,)
        assert conn.execute("SELECT count(*) FROM sale").fetchone() == (lanes * count,)


def test_sale_add_json_still_reports_after_waiting(
    with_customer: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with writer_holding_lock(with_customer, 1.0):
        code, out, _ = run(capsys, "--db", str(with_customer), "sale", "add", *SALE)
    assert code == 0 and json.loads(out)["id"] == 1
