"""The benchmark data set: 50,000 customers and 200,000 touchpoints, generated once and cached."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import shutil
import sqlite3
import uuid
from pathlib import Path

from app.clock import FixedClock
from app.context import build_context
from app.sample_data import sample_customers
from app.validation import search_key
from models.migrations.migrate import head_revision

CUSTOMERS = 50_000
TOUCHPOINTS = 200_000
SALES = 30_000
# Everything is relative to a pinned day so runs compare across dates.
TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
CLOCK = FixedClock(NOW)
VERSION = 4
OUT = Path(__file__).resolve().parent / "out"
KINDS = ("thank_you", "delivery_check", "value_add", "feedback", "referral", "value_add")


def dataset_path() -> Path:
    """The cached data set, built on first use (about a minute)."""
    # A schema change makes a new data set, so no run measures a migration by accident.
    schema = head_revision()
    path = OUT / f"bench-{CUSTOMERS}-{TOUCHPOINTS}-v{VERSION}-{schema}.sqlite3"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        _build(partial)
        partial.replace(path)
    return path


def working_copy(folder: Path) -> Path:
    """A copy the benchmark may write to; the cache stays pristine."""
    target = folder / "bench.sqlite3"
    shutil.copyfile(dataset_path(), target)
    return target


def _stamp(value: dt.datetime) -> str:
    # The app's storage format (SQLAlchemy's and models.repositories.bulk's): microseconds
    # always, so text comparisons in keyset paging line up.
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _build(path: Path) -> None:
    context = build_context(path, CLOCK)
    context.settings.set_many({"timezone": "Europe/Berlin", "holiday_country": "DE"})
    context.close()
    rng = random.Random(11)
    created = _stamp(NOW - dt.timedelta(days=900))
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA synchronous = OFF")
        db.executemany(
            "INSERT INTO customer (name, company, email, phone, preferred_channel, birthday_month,"
            " birthday_day, birthday_year, is_key, source, notes, keep_in_touch_days,"
            " do_not_contact, search_text, created_at, updated_at) VALUES"
            " (?,?,?,?,?,?,?,?,?,?,'',?,0,?,?,?)",
            (
                (
                    c.name, c.company, c.email, c.phone, c.channel,
                    *_birthday(c.birthday), c.is_key, c.source, c.keep_in_touch_days,
                    search_key(c.name, c.company, c.email, c.phone), created, created,
                )
                for c in sample_customers(CUSTOMERS, seed=5)
            ),
        )  # fmt: skip
        plan_id, step_ids = _won_plan(db)
        sales = []
        for number in range(1, SALES + 1):
            closed = TODAY - dt.timedelta(days=rng.randint(0, 540))
            promised = closed + dt.timedelta(days=rng.randint(5, 30))
            sales.append((number, rng.randint(1, CUSTOMERS), closed, promised))
        db.executemany(
            "INSERT INTO sale (id, customer_id, closed_on, outcome, amount_minor, currency,"
            " description, promised_delivery, baseline_delivery, plan_id, created_at, updated_at)"
            " VALUES (?,?,?,'won',?, 'EUR', 'Service contract', ?, ?, ?, ?, ?)",
            (
                (sid, cid, closed.isoformat(), rng.randint(10_000, 5_000_000),
                 promised.isoformat(), promised.isoformat(), plan_id, created, created)
                for sid, cid, closed, promised in sales
            ),
        )  # fmt: skip
        rows = []
        per_sale = (TOUCHPOINTS - CUSTOMERS) // SALES
        for sid, cid, closed, _promised in sales:
            for position in range(per_sale):
                day = closed + dt.timedelta(days=position * 35 + rng.randint(0, 6))
                rows.append((cid, sid, step_ids[position], KINDS[position], day))
        for cid in range(1, CUSTOMERS + 1):
            rows.append((cid, None, None, "check_in", TODAY + dt.timedelta(rng.randint(0, 400))))
        rows = rows[:TOUCHPOINTS]
        db.executemany(
            "INSERT INTO touchpoint (uid, customer_id, sale_id, step_id, kind, occurrence,"
            " channel, due_date, due_at, status, sequence, pinned, subject, outcome_note,"
            " skip_reason, created_at, updated_at, completed_at)"
            " VALUES (?,?,?,?,?,0,?,?,?,?,0,0,'','','',?,?,?)",
            (_touchpoint(rng, row, created) for row in rows),
        )
        db.execute(
            "INSERT INTO interaction (customer_id, touchpoint_id, occurred_at, channel, summary,"
            " created_at) SELECT customer_id, id, completed_at, channel, 'Done', completed_at"
            " FROM touchpoint WHERE status = 'done'"
        )
        db.commit()
        db.execute("ANALYZE")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _birthday(text: str) -> tuple[int | None, int | None, int | None]:
    if not text:
        return None, None, None
    parts = [int(part) for part in text.split("-")]
    return (parts[1], parts[2], parts[0]) if len(parts) == 3 else (parts[0], parts[1], None)


def _won_plan(db: sqlite3.Connection) -> tuple[int, list[int]]:
    plan_id = db.execute("SELECT id FROM plan WHERE builtin_key = 'won_sale'").fetchone()[0]
    steps = [row[0] for row in db.execute(
        "SELECT id FROM plan_step WHERE plan_id = ? ORDER BY position", (plan_id,)
    )]  # fmt: skip
    return plan_id, steps


def _touchpoint(
    rng: random.Random, row: tuple[int, int | None, int | None, str, dt.date], created: str
) -> tuple[object, ...]:
    cid, sid, step_id, kind, day = row
    past = day < TODAY
    status = ("done" if rng.random() < 0.85 else "skipped") if past else "planned"
    # A few forgotten ones stay overdue, as in real life.
    if past and day > TODAY - dt.timedelta(days=20) and rng.random() < 0.3:
        status = "planned"
    timed = kind == "delivery_check"
    due_at = _stamp(dt.datetime.combine(day, dt.time(9, 0), dt.UTC)) if timed else None
    completed = (
        _stamp(dt.datetime.combine(day, dt.time(15, 0), dt.UTC)) if status == "done" else None
    )
    channel = "phone" if timed else rng.choice(("email", "email", "letter", "phone"))
    return (f"{uuid.UUID(int=rng.getrandbits(128))}@bench", cid, sid, step_id, kind, channel,
            day.isoformat(), due_at, status, created, created, completed)  # fmt: skip
