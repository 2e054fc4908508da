"""insights_quarter_ms: every Insights figure for the last 13 weeks on the 50k data set, beside
the same statements run in plain sqlite3, alternating."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from app.context import build_context
from bench.data import CLOCK, NOW, OUT, TODAY, dataset_path
from bench.figures import figure, median, paired_timings
from models.repositories import insights as insights_repo

RUNS = 7
# After-sale history the base data set lacks: the delivery promises of its sales, requests,
# feedback scores, referral answers and library sends, as a busy salesperson's would be.
REQUESTS = 20_000
EXTRAS_VERSION = 1


def _stamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def insights_dataset() -> Path:
    """The base data set with the after-sale history added (cached beside it)."""
    base = dataset_path()
    path = OUT / f"{base.stem}-insights-v{EXTRAS_VERSION}.sqlite3"
    if not path.exists():
        partial = path.with_suffix(".partial")
        shutil.copyfile(base, partial)
        with contextlib.closing(sqlite3.connect(partial)) as db:
            _add_history(db, random.Random(20))
            db.commit()
            db.execute("ANALYZE")
        partial.replace(path)
    return path


def _add_history(db: sqlite3.Connection, rng: random.Random) -> None:
    created = _stamp(NOW - dt.timedelta(days=900))
    promises = []
    for sale_id, customer_id, promised in db.execute(
        "SELECT id, customer_id, promised_delivery FROM sale"
    ).fetchall():
        due = dt.date.fromisoformat(promised)
        status, recovered, resolved = "on_track", 0, None
        if due < TODAY:
            roll = rng.random()
            status, recovered = ("kept", 0) if roll < 0.88 else ("broken", int(roll > 0.95))
            late = 0 if status == "kept" else rng.randint(1, 6)
            resolved = _stamp(
                dt.datetime.combine(due + dt.timedelta(days=late), dt.time(15), dt.UTC)
            )
        elif rng.random() < 0.01:
            status = "at_risk"
        promises.append((customer_id, sale_id, promised, status, recovered, resolved))
    db.executemany(
        "INSERT INTO commitment (customer_id, sale_id, text, due_on, buffer_days, status, note,"
        f" created_at, recovered, resolved_at) VALUES (?, ?, 'Deliver', ?, 0, ?, '', '{created}',"
        " ?, ?)",
        [(c, s, d, st, r, res) for c, s, d, st, r, res in promises],
    )
    requests = []
    for number in range(REQUESTS):
        received = NOW - dt.timedelta(days=rng.randint(0, 540), hours=rng.randint(0, 8))
        answered = (
            None if number < 10 else received + dt.timedelta(hours=rng.choice((1, 2, 3, 5, 8, 26)))
        )
        requests.append(
            (
                rng.randint(1, 50_000),
                _stamp(received),
                _stamp(received + dt.timedelta(hours=4)),
                None if answered is None or answered > NOW else _stamp(answered),
            )
        )
    db.executemany(
        "INSERT INTO inbound_request (customer_id, received_at, channel, summary, due_at,"
        f" answered_at, answer_note, created_at) VALUES (?, ?, 'phone', 'Question', ?, ?, '',"
        f" '{created}')",
        requests,
    )
    done = db.execute(
        "SELECT id, customer_id, kind, completed_at FROM touchpoint WHERE status = 'done'"
        " AND kind IN ('feedback', 'referral', 'value_add')"
    ).fetchall()
    db.executemany(
        "INSERT INTO feedback (customer_id, touchpoint_id, score, note, created_at)"
        " VALUES (?, ?, ?, '', ?)",
        [(c, t, rng.choice((5, 5, 4, 4, 3, 2)), at) for t, c, k, at in done if k == "feedback"],
    )
    db.executemany(
        "INSERT INTO referral_answer (customer_id, touchpoint_id, given, note, created_at)"
        " VALUES (?, ?, ?, '', ?)",
        [
            (c, t, int(rng.random() < 0.5), at)
            for t, c, k, at in done
            if k == "referral" and rng.random() < 0.6
        ],
    )
    db.executemany(
        "INSERT INTO library_item (title, kind, url, note, tags, industries, created_at)"
        f" VALUES (?, 'article', '', '', '', '', '{created}')",
        [(f"Article {number}",) for number in range(50)],
    )
    db.executemany(
        "INSERT OR IGNORE INTO library_send (item_id, customer_id, touchpoint_id, sent_at)"
        " VALUES (?, ?, ?, ?)",
        [(1 + t % 50, c, t, at) for t, c, k, at in done if k == "value_add" and t % 2],
    )


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "insights.sqlite3"
        shutil.copyfile(insights_dataset(), path)
        context = build_context(path, CLOCK)
        try:
            start, end = context.insights.preset("quarter")
            frame = context.insights.frame(start, end)
            context.insights.figures(start, end)  # warm the page cache for both
            with contextlib.closing(sqlite3.connect(path)) as db:
                cursor = db.cursor()
                work, floor = paired_timings(
                    lambda: context.insights.figures(start, end),
                    lambda: insights_repo.run(cursor, frame),
                    RUNS,
                )
        finally:
            context.close()
    return [figure("insights_quarter_ms", median(work) * 1000, "ms", median(floor) * 1000)]
