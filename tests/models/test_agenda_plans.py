"""The agenda's recovery rule finds a promise's other steps by its index, not by a scan.

A book has few promises, so SQLite's statistics say "commitment_id matches everything"
(it is NULL on almost every row) and, left alone, the planner walked every planned
follow-up due earlier for each recovery step: the overdue count took over half a second
with forty recoveries on the bench's data set."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path

import pytest

from models import plain_reads

STAMP = "2026-11-01 08:00:00.000000"


def _book(path: Path) -> sqlite3.Connection:
    """Many follow-ups without a promise and statistics as ANALYZE kept them then; a few
    promises in recovery since (statistics are refreshed now and then, not on each write)."""
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO customer (name, company, email, phone, preferred_channel, is_key, source,"
        " notes, keep_in_touch_days, do_not_contact, search_text, created_at, updated_at)"
        " VALUES ('Ana Silva', '', '', '', 'email', 0, '', '', NULL, 0, 'ana silva', ?, ?)",
        (STAMP, STAMP),
    )
    statuses = ("planned", "done", "skipped")
    _add(db, [
        ((dt.date(2026, 9, 1) + dt.timedelta(days=n % 120)).isoformat(), "check_in",
         statuses[n % 3], None)
        for n in range(3000)
    ])  # fmt: skip
    db.commit()
    db.execute("ANALYZE")
    for promise in range(1, 5):
        db.execute(
            "INSERT INTO commitment (customer_id, text, due_on, buffer_days, status, note,"
            " created_at, recovery_started_at, recovered)"
            " VALUES (1, 'Delivery', '2026-11-10', 2, 'at_risk', '', ?, ?, 0)",
            (STAMP, STAMP),
        )
        _add(db, [
            ((dt.date(2026, 11, 18) + dt.timedelta(days=step)).isoformat(), "recovery",
             "planned", promise)
            for step in range(8)
        ])  # fmt: skip
    db.commit()
    return db


def _add(db: sqlite3.Connection, rows: list[tuple[str, str, str, int | None]]) -> None:
    db.executemany(
        "INSERT INTO touchpoint (uid, customer_id, kind, channel, due_date, status, sequence,"
        " pinned, subject, outcome_note, skip_reason, created_at, updated_at, occurrence,"
        " commitment_id) VALUES (?, 1, ?, 'email', ?, ?, 0, 0, '', '', '', ?, ?, 0, ?)",
        [(str(uuid.uuid4()), kind, day, status, STAMP, STAMP, promise)
         for day, kind, status, promise in rows],
    )  # fmt: skip


def _plans(db: sqlite3.Connection, read: object) -> list[str]:
    """The query plan of every statement `read` runs."""
    statements: list[str] = []
    db.set_trace_callback(statements.append)
    assert callable(read)
    read()
    db.set_trace_callback(None)
    assert statements
    return [str(row[3]) for sql in statements for row in db.execute(f"EXPLAIN QUERY PLAN {sql}")]


@pytest.mark.parametrize(
    "read",
    [
        # The agenda's page, as Today and its first page read it.
        lambda db: plain_reads.agenda(
            db, start=None, end=dt.date(2026, 11, 30), limit=200, first_recovery_step=True
        ),
        # The overdue count beside Today in the sidebar.
        lambda db: db.execute(
            "SELECT count(*) FROM touchpoint t WHERE t.status = 'planned'"
            f" AND t.due_date <= '2026-11-22' AND {plain_reads.LATER_RECOVERY_STEP}"
        ).fetchone(),
    ],
    ids=["agenda page", "overdue count"],
)
def test_a_recovery_steps_earlier_siblings_are_found_by_the_promise_index(
    db_path: Path, read: object
) -> None:
    db = _book(db_path)
    try:
        plans = _plans(db, lambda: read(db))  # type: ignore[operator]
        siblings = [plan for plan in plans if plan.startswith("SEARCH o ")]
        assert siblings, plans
        assert all("ix_touchpoint_commitment (commitment_id=? AND status=?)" in plan
                   for plan in siblings), plans  # fmt: skip
    finally:
        db.close()


def test_only_a_promises_next_step_is_listed(db_path: Path) -> None:
    db = _book(db_path)
    try:
        rows = plain_reads.agenda(
            db, start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 30), first_recovery_step=True
        )
        recovery = [row for row in rows if row[8] == "recovery"]
        # One row per promise, its earliest planned step.
        assert [(row[21], row[10]) for row in recovery] == [
            (promise, dt.date(2026, 11, 18)) for promise in range(1, 5)
        ]
    finally:
        db.close()
