"""The sample data: realistic history replayed through the services, in its own file."""

from __future__ import annotations

import datetime as dt
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
