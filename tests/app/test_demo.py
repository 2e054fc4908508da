"""The sample data: realistic history replayed through the services, in its own file."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.context import build_context
from app.demo import create_demo_database
from app.progress import Cancelled, Progress
from app.secrets import MemorySecretStore


def test_demo_database_has_customers_history_and_a_calm_today(tmp_path: Path) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC))
    seen: list[int] = []
    progress = Progress(lambda done, _total, _text: seen.append(done))
    path = create_demo_database(tmp_path / "demo.sqlite3", clock, progress, customers=25, weeks=6)
    context = build_context(path, clock, secrets=MemorySecretStore())
    try:
        assert context.customers.count() == 25
        history = context.agenda.touchpoints(statuses=("done",))
        assert len(history) > 10 and all(t.outcome_note for t in history)
        today = context.agenda.today()
        assert today.due_today or today.upcoming
        # Deliveries were recorded, so promises did not all turn into recoveries.
        assert not [t for t in today.overdue + today.due_today if t.kind == "recovery"][5:]
        assert seen == sorted(seen) and seen[-1] == 6
    finally:
        context.close()


def test_cancelling_the_demo_stops_it(tmp_path: Path) -> None:
    progress = Progress()
    progress.cancel()
    clock = FixedClock(dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC))
    with pytest.raises(Cancelled):
        create_demo_database(tmp_path / "demo.sqlite3", clock, progress, customers=5, weeks=2)


GENDERED = re.compile(r"\b(he|him|his|she|her|hers|himself|herself)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    clock = FixedClock(dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC))
    folder = tmp_path_factory.mktemp("demo")
    return create_demo_database(folder / "demo.sqlite3", clock, customers=30, weeks=10)


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return db.execute(sql).fetchall()


def test_the_demo_tells_one_consistent_story(demo: Path) -> None:
    """Issue #16 item 9: no lost sale delivered, no 'him' under Ana, nothing before the sale."""
    assert rows(demo, "SELECT id FROM sale WHERE outcome = 'lost' AND (promised_delivery "
                      "IS NOT NULL OR actual_delivery IS NOT NULL)") == []  # fmt: skip
    notes = rows(demo, "SELECT outcome_note FROM touchpoint UNION ALL "
                       "SELECT summary FROM interaction")  # fmt: skip
    assert notes and not [note for (note,) in notes if note and GENDERED.search(str(note))]
    # Every customer entered the book with a sale: nothing was due, done or logged before it.
    early = rows(demo, """
        SELECT t.id FROM touchpoint t
        JOIN (SELECT customer_id, MIN(closed_on) AS first FROM sale GROUP BY customer_id) s
          ON s.customer_id = t.customer_id
        WHERE t.due_date < s.first
        UNION ALL
        SELECT i.id FROM interaction i
        JOIN (SELECT customer_id, MIN(closed_on) AS first FROM sale GROUP BY customer_id) s
          ON s.customer_id = i.customer_id
        WHERE date(i.occurred_at) < s.first""")  # fmt: skip
    assert early == []
    weekend = rows(demo, "SELECT promised_delivery FROM sale WHERE promised_delivery IS NOT NULL "
                         "AND strftime('%w', promised_delivery) IN ('0', '6')")  # fmt: skip
    assert weekend == []
    assert not [note for (note,) in notes if note == "Done."]  # every note says what was done
    assert rows(demo, "SELECT COUNT(*) FROM customer WHERE id NOT IN "
                      "(SELECT customer_id FROM sale)") == [(0,)]  # fmt: skip
    # Every lost sale says why; no won one does.
    assert rows(demo, "SELECT COUNT(*) FROM sale WHERE (outcome = 'lost') "
                      "!= (lost_reason != '')") == [(0,)]  # fmt: skip
    assert rows(demo, "SELECT COUNT(*) FROM sale WHERE outcome = 'lost'") != [(0,)]


def test_the_demo_has_value_to_bring_a_promise_at_risk_requests_and_declines(demo: Path) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC))
    context = build_context(demo, clock, secrets=MemorySecretStore())
    try:
        library = context.library.find()
        assert len(library) >= 6 and all(item.note for item in library)
        assert rows(demo, "SELECT COUNT(*) FROM library_send")[0][0] > 0
        at_risk = [row for row in context.commitments.find(open_only=True)
                   if row.status == "at_risk"]  # fmt: skip
        assert len(at_risk) == 1
        assert len(context.commitments.recovery(at_risk[0].id).touchpoints) == 6
        waiting = context.requests.find()
        assert len(waiting) == 2 and not [request for request in waiting if request.overdue]
        declines = context.declines.find()
        assert any(d.come_back_on and d.come_back_on > dt.date(2026, 11, 23) for d in declines)
        assert any(d.partner_id is not None for d in declines)
    finally:
        context.close()


def test_the_demo_is_dated_from_its_own_today(tmp_path: Path) -> None:
    """The same story a hundred days later: every sale as many days before that today."""

    def offsets(today: dt.datetime, name: str) -> list[int]:
        path = create_demo_database(tmp_path / name, FixedClock(today), customers=8, weeks=3)
        closed = rows(path, "SELECT closed_on FROM sale ORDER BY id")
        return [(today.date() - dt.date.fromisoformat(str(day))).days for (day,) in closed]

    first = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
    assert offsets(first, "a.sqlite3") == offsets(first + dt.timedelta(weeks=15), "b.sqlite3")
