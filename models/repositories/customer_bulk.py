"""Inserting many customers at once (imports) through the driver, as bulk.py does for sales."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy.orm import Session

from models.base import stored_utc
from models.customer_dates import NO_NEXT_DUE
from models.search_index import CREATE, TABLE
from models.write_log import note_raw_write

TRIGGER = f"{TABLE}_ai"
# FTS5's own default, for an index that never had the setting written.
DEFAULT_AUTOMERGE = 4
TRIGGER_SQL = next(sql for sql in CREATE if sql.startswith(f"CREATE TRIGGER {TRIGGER} "))

COLUMNS = (
    "name", "company", "email", "phone", "preferred_channel", "birthday_month", "birthday_day",
    "birthday_year", "is_key", "source", "notes", "keep_in_touch_days", "do_not_contact",
    "search_text", "job_title", "street", "postal_code", "city", "region", "country",
    "industry", "tags", "salutation", "language",
)  # fmt: skip


def next_id(session: Session) -> int:
    """The id the next customer inserted gets, while this transaction holds the write lock.

    SQLite gives a new row the largest rowid in the table plus one (1 in an empty table).
    """
    cursor = _cursor(session)
    try:
        (found,) = cursor.execute("SELECT coalesce(max(id), 0) + 1 FROM customer").fetchone()
    finally:
        cursor.close()
    return int(found)


def insert_customers(
    session: Session,
    rows: Sequence[dict[str, Any]],
    now: dt.datetime,
    next_due: Sequence[dt.date | None] | None = None,
) -> int:
    """Insert customers given as column dicts (COLUMNS); returns the first new id (0: none).

    `next_due`, one per row, sets each customer's next follow-up as their planned
    touchpoints, inserted next, make it; without it, none.
    """
    if not rows:
        return 0
    stamp = stored_utc(now)
    names = ", ".join((*COLUMNS, "created_at", "updated_at", "next_due"))
    marks = ", ".join("?" * (len(COLUMNS) + 3))
    # The driver stores True/False as 1/0 itself; one C call reads a row's columns.
    columns = itemgetter(*COLUMNS)
    none = NO_NEXT_DUE.isoformat()
    # Customers imported together share a few days: each is written out once.
    texts = {day: day.isoformat() for day in set(next_due or ()) if day is not None}
    due = [texts[day] if day else none for day in next_due] if next_due else [none] * len(rows)
    values = [(*columns(row), stamp, stamp, day) for row, day in zip(rows, due, strict=True)]
    note_raw_write(session, "customer")
    cursor = _cursor(session)
    try:
        # The search index's per-row trigger costs six times the insert; one set-based
        # INSERT ... SELECT fills the index the same way. The DDL is part of this
        # transaction, so a rollback or a crash brings the trigger back too.
        trigger = cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (TRIGGER,)
        ).fetchone()
        fast = trigger is not None and trigger[0] == TRIGGER_SQL
        if fast:
            cursor.execute(f"DROP TRIGGER {TRIGGER}")
        cursor.executemany(f"INSERT INTO customer ({names}) VALUES ({marks})", values)
        # The write lock is held since the insert and rowids are max+1: ours are the newest.
        (first,) = cursor.execute(
            "SELECT id FROM customer ORDER BY id DESC LIMIT 1 OFFSET ?", (len(rows) - 1,)
        ).fetchone()
        if fast:
            _fill_index(cursor, first)
            cursor.execute(TRIGGER_SQL)
    finally:
        cursor.close()
    return int(first)


def _cursor(session: Session) -> Any:
    return session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]


def _fill_index(cursor: Any, first: int) -> None:
    """Index the customers from id `first` on in one statement, merging no segments meanwhile.

    FTS5 merges its index segments while it writes (automerge); for a bulk fill that
    doubles the work. The setting is stored in the index, so it is put back as it was in
    the same transaction: later writes merge as before, and crisismerge still bounds
    how many segments pile up.
    """
    found = cursor.execute(f"SELECT v FROM {TABLE}_config WHERE k = 'automerge'").fetchone()
    setting = f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('automerge', ?)"
    cursor.execute(setting, (0,))
    cursor.execute(
        f"INSERT INTO {TABLE}(rowid, search_text) "
        "SELECT id, search_text FROM customer WHERE id >= ?",
        (first,),
    )
    cursor.execute(setting, (DEFAULT_AUTOMERGE if found is None else found[0],))
