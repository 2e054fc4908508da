"""Scheduling figures on the 50k-customer data set: record a sale, bulk plan, agenda query."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import sqlite3
import tempfile
import uuid
from pathlib import Path
from typing import Any

from app.context import AppContext, build_context
from app.dto.sales import SaleInput
from bench.data import CLOCK, CUSTOMERS, TODAY, working_copy
from bench.figures import figure, median, p95, paired_timings, timings

SINGLE_SALES = 60
BULK_SALES = 10_000
AGENDA_RUNS = 30
PAGE_SIZE = 200  # the Today list's page (ui.item_models.agenda_table.PAGE_SIZE)
_AGENDA_FROM = (
    "SELECT t.id, t.uid, t.customer_id, c.name, c.company, c.email, c.phone, t.sale_id, t.kind,"
    " t.channel, t.due_date, t.due_at, t.status, t.sequence, t.pinned, t.snoozed_from,"
    " t.completed_at, t.outcome_note, t.skip_reason, t.updated_at, t.subject,"
    " t.commitment_id, t.request_id"
    " FROM touchpoint t JOIN customer c ON c.id = t.customer_id"
    " WHERE c.deleted_at IS NULL AND t.status = 'planned'"
)
AGENDA_SQL = (
    f"{_AGENDA_FROM} AND t.due_date >= ? AND t.due_date <= ? ORDER BY t.due_date, t.due_at, t.id"
)
AGENDA_PAGE_SQL = f"{_AGENDA_FROM} AND t.due_date <= ? ORDER BY t.due_date, t.due_at, t.id LIMIT ?"


def _sale(customer_id: int, number: int) -> SaleInput:
    return SaleInput(
        customer_id=customer_id,
        closed_on=TODAY,
        outcome="won",
        amount="2500",
        description=f"Bench sale {number}",
        promised_delivery=TODAY + dt.timedelta(days=10 + number % 7),
    )


def _raw_sale_writer(path: Path, runs: int) -> list[float]:
    """The floor: one sale and seven touchpoints in one transaction, synchronous=FULL."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        now = "2026-11-23 08:00:00"

        def write() -> None:
            db.execute("BEGIN")
            cursor = db.execute(
                "INSERT INTO sale (customer_id, closed_on, outcome, currency, description,"
                " created_at, updated_at) VALUES (1, '2026-11-23', 'won', 'EUR', 'x', ?, ?)",
                (now, now),
            )
            db.executemany(
                "INSERT INTO touchpoint (uid, customer_id, sale_id, kind, occurrence, channel,"
                " due_date, status, sequence, pinned, subject, outcome_note, skip_reason,"
                " created_at, updated_at) VALUES (?, 1, ?, 'value_add', 0, 'email', ?,"
                " 'planned', 0, 0, '', '', '', ?, ?)",
                [
                    (str(uuid.uuid4()), cursor.lastrowid, f"2027-01-{day:02d}", now, now)
                    for day in range(1, 8)
                ],
            )
            db.execute("COMMIT")

        return timings(write, runs)


def _raw_bulk_writer(path: Path, sales: int, touchpoints: int) -> float:
    """The floor for bulk planning: inserting the same number of rows, nothing else."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("PRAGMA synchronous = FULL")
        now = "2026-11-23 08:00:00"

        def write() -> None:
            db.execute("BEGIN")
            first = db.execute("SELECT coalesce(max(id), 0) FROM sale").fetchone()[0] + 1
            db.executemany(
                "INSERT INTO sale (id, customer_id, closed_on, outcome, currency, description,"
                " created_at, updated_at) VALUES (?, ?, '2026-11-23', 'won', 'EUR', 'x', ?, ?)",
                [(first + n, 1 + n % CUSTOMERS, now, now) for n in range(sales)],
            )
            db.executemany(
                "INSERT INTO touchpoint (uid, customer_id, sale_id, kind, occurrence, channel,"
                " due_date, status, sequence, pinned, subject, outcome_note, skip_reason,"
                " created_at, updated_at) VALUES (?, ?, ?, 'value_add', 0, 'email',"
                " '2027-01-05', 'planned', 0, 0, '', '', '', ?, ?)",
                [
                    (str(uuid.uuid4()), 1 + n % CUSTOMERS, first + n % sales, now, now)
                    for n in range(touchpoints)
                ],
            )
            db.execute("ROLLBACK")

        return median(timings(write, 3))


def _agenda(context: AppContext, path: Path) -> list[dict[str, Any]]:
    """The Today screen's query (its first page: overdue, then the next 7 days) and the
    whole week as `followup agenda --json` fetches it, each beside the same SQL in raw
    sqlite3 (the first page's floor is the same query with LIMIT), runs alternating."""
    end = TODAY + dt.timedelta(days=7)
    context.agenda.touchpoints(start=TODAY, end=end)  # warm the page cache for both
    with contextlib.closing(sqlite3.connect(path)) as db:
        page_args = (end.isoformat(), PAGE_SIZE)
        page, page_floor = paired_timings(
            lambda: context.agenda.page(end=end, limit=PAGE_SIZE),
            lambda: db.execute(AGENDA_PAGE_SQL, page_args).fetchall(),
            AGENDA_RUNS,
        )
        week_args = (TODAY.isoformat(), end.isoformat())
        week, week_floor = paired_timings(
            lambda: context.agenda.touchpoints(start=TODAY, end=end),
            lambda: db.execute(AGENDA_SQL, week_args).fetchall(),
            AGENDA_RUNS,
        )
    return [
        figure("agenda_7d_ms", median(page) * 1000, "ms", median(page_floor) * 1000),
        figure("agenda_7d_all_ms", median(week) * 1000, "ms", median(week_floor) * 1000),
    ]


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as folder:
        path = working_copy(Path(folder))
        context = build_context(path, CLOCK)
        try:
            results = _agenda(context, path)
            single = timings(lambda: None, 0)
            for number in range(SINGLE_SALES):
                customer = 1 + (number * 791) % CUSTOMERS
                single += timings(lambda c=customer, n=number: context.sales.record(_sale(c, n)), 1)
            floor = _raw_sale_writer(path, SINGLE_SALES)
            results.append(
                figure("record_sale_p95_ms", p95(single) * 1000, "ms", p95(floor) * 1000)
            )
            inputs = [_sale(1 + (n * 7) % CUSTOMERS, n) for n in range(BULK_SALES)]
            bulk_seconds: list[float] = []
            counts: list[int] = []
            bulk_seconds += timings(
                lambda: counts.append(context.bulk_sales.record_many(inputs).touchpoints), 1
            )
            bulk_floor = _raw_bulk_writer(path, BULK_SALES, counts[0])
            results.append(figure("apply_plan_10k_s", bulk_seconds[0], "s", bulk_floor))
            results.append(import_sales_figure(context, path, Path(folder)))
        finally:
            context.close()
    return results


def _deal_file(path: Path, folder: Path) -> Path:
    """10,000 past deals of the book's customers (by e-mail), closed over the last year,
    one in ten for a customer the book does not have yet."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        emails = [row[0] for row in db.execute("SELECT email FROM customer ORDER BY id")]
    target = folder / "deals.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["Deal Name", "Deal Stage", "Close Date", "Amount", "Associated Contact",
                         "Associated Company", "Associated Contact Email"])  # fmt: skip
        for n in range(BULK_SALES):
            closed = TODAY - dt.timedelta(days=(n * 37) % 365)
            stage = "Closed Lost" if n % 5 == 0 else "Closed Won"
            email = f"new{n}@deals.example" if n % 10 == 0 else emails[(n * 13) % len(emails)]
            writer.writerow([f"Deal {n}", stage, closed.isoformat(), f"{1000 + n}.50",
                             f"Buyer {n}", f"Company {n % 500}", email])  # fmt: skip
    return target


def import_sales_figure(context: AppContext, path: Path, folder: Path) -> dict[str, Any]:
    """`followup import sales` of 10,000 deals (HubSpot layout) into the 50k book, beside the
    floor: reading the same file with csv.reader and inserting the same rows raw."""
    deals = _deal_file(path, folder)
    done: list[Any] = []
    seconds = timings(lambda: done.append(context.sales_import.run(deals)), 1)[0]
    result = done[0]

    def read() -> None:
        with deals.open(encoding="utf-8", newline="") as handle:
            for _row in csv.reader(handle):
                pass

    floor = timings(read, 1)[0] + _raw_bulk_writer(path, result.sales, result.touchpoints)
    return figure("import_sales_10k_s", seconds, "s", floor)
