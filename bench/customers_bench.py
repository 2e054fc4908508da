"""The Customers list's first page on the 50k data set, sorted by next follow-up and by last
contact, beside the same query in raw sqlite3 (runs alternating)."""

from __future__ import annotations

import contextlib
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from app.context import build_context
from app.dto.customers import CustomerQuery
from bench.data import CLOCK, working_copy
from bench.figures import figure, median, paired_timings

FIGURES = ("customers_page_ms",)
RUNS = 30
PAGE_SIZE = 200  # the list's page (ui.item_models.customer_table.PAGE_SIZE)
# Every column the list's rows carry, in the order the service's page reads them.
PAGE_SQL = (
    "SELECT id, name, company, email, phone, preferred_channel, birthday_month, birthday_day,"
    " birthday_year, is_key, source, notes, keep_in_touch_days, do_not_contact, industry, tags,"
    " salutation, next_due, last_contact_at, search_text, created_at, updated_at, deleted_at"
    " FROM customer WHERE deleted_at IS NULL ORDER BY {column}, id LIMIT ?"
)
SORTS = {"next_due": "next_due", "last_contact": "last_contact_at"}


def run() -> list[dict[str, Any]]:
    """One figure: the slower of the two sorts, beside that sort's floor."""
    with tempfile.TemporaryDirectory() as folder:
        path = working_copy(Path(folder))
        context = build_context(path, CLOCK)
        try:
            measured = []
            with contextlib.closing(sqlite3.connect(path)) as db:
                for sort_by, column in SORTS.items():
                    query = CustomerQuery(sort_by=sort_by, limit=PAGE_SIZE)
                    sql = PAGE_SQL.format(column=column)
                    page, floor = paired_timings(
                        lambda q=query: context.customers.page(q),
                        lambda s=sql: db.execute(s, (PAGE_SIZE,)).fetchall(),
                        RUNS,
                    )
                    measured.append((median(page), median(floor)))
        finally:
            context.close()
    value, floor = max(measured)
    return [figure("customers_page_ms", value * 1000, "ms", floor * 1000)]
