"""Reads on a plain sqlite3 connection (agenda, settings, schema revision), without SQLAlchemy.

The repositories run the agenda on the session's connection; the desktop start runs
these on a connection of its own to fill the Today list before SQLAlchemy has loaded."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from models.agenda_row import AGENDA_FIELDS, INSTANT_COLUMNS, AgendaCursor
from models.utc_text import stored_utc

_ALIAS = {"touchpoint": "t", "customer": "c"}
_SELECT = (
    "SELECT "
    + ", ".join(
        f"{_ALIAS[table]}.{column}" + (" || '+00:00'" if column in INSTANT_COLUMNS else "")
        for table, column, _field in AGENDA_FIELDS
    )
    + " FROM touchpoint t JOIN customer c ON c.id = t.customer_id"
)
_day = dt.date.fromisoformat
_instant = dt.datetime.fromisoformat


def _typed(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A raw agenda row with dates, UTC instants and flags as the ORM would give them.

    Unpacked by hand for speed (the agenda's hot path), in AGENDA_FIELDS order; a test
    compares its rows with the ORM's for the same touchpoints."""
    (row_id, uid, customer_id, name, company, email, phone, sale_id, kind, channel, due_date,
     due_at, status, sequence, pinned, snoozed_from, completed_at, outcome_note, skip_reason,
     updated_at, subject, commitment_id, request_id) = row  # fmt: skip
    return (
        row_id, uid, customer_id, name, company, email, phone, sale_id, kind, channel,
        _day(due_date),
        None if due_at is None else _instant(due_at),
        status, sequence, bool(pinned),
        None if snoozed_from is None else _day(snoozed_from),
        None if completed_at is None else _instant(completed_at),
        outcome_note, skip_reason,
        None if updated_at is None else _instant(updated_at),
        subject, commitment_id, request_id,
    )  # fmt: skip


# A planned recovery step with an earlier planned step of the same promise before it (the
# kind test first: for every other row the subquery never runs). The promise's steps are
# read by its index, named: commitment_id is NULL on nearly every row, so SQLite's
# statistics rate that index as useless and the planner walked every planned follow-up
# due earlier instead, for each recovery step (0.6 s for the overdue count at 50k).
LATER_RECOVERY_STEP = (
    "NOT (t.kind = 'recovery' AND t.commitment_id IS NOT NULL AND EXISTS ("
    "SELECT 1 FROM touchpoint o INDEXED BY ix_touchpoint_commitment"
    " WHERE o.commitment_id = t.commitment_id"
    " AND o.status = 'planned' AND (o.due_date < t.due_date OR (o.due_date = t.due_date"
    " AND (ifnull(o.due_at, '') < ifnull(t.due_at, '') OR (ifnull(o.due_at, '') ="
    " ifnull(t.due_at, '') AND o.id < t.id))))))"
)


def agenda(
    connection: sqlite3.Connection,
    *,
    start: dt.date | None,
    end: dt.date | None,
    customer_id: int | None = None,
    statuses: Sequence[str] = ("planned",),
    limit: int | None = None,
    after: AgendaCursor | None = None,
    kinds: Sequence[str] = (),
    first_recovery_step: bool = False,
) -> list[tuple[Any, ...]]:
    """Touchpoints of live customers due in [start, end] (either open), ordered by due day,
    time, id, as typed tuples; `after` is a keyset cursor (due_date, due_at, id). With
    `first_recovery_step`, a promise's recovery shows as its next planned step only."""
    where = ["c.deleted_at IS NULL"]
    if first_recovery_step:
        where.append(LATER_RECOVERY_STEP)
    params: list[Any] = []
    if statuses:
        where.append(f"t.status IN ({', '.join('?' * len(statuses))})")
        params += statuses
    if start is not None:
        where.append("t.due_date >= ?")
        params.append(start.isoformat())
    if end is not None:
        where.append("t.due_date <= ?")
        params.append(end.isoformat())
    if customer_id is not None:
        where.append("t.customer_id = ?")
        params.append(customer_id)
    if after is not None:
        day, at, row_id = after
        # SQLite sorts NULL (all-day) times first within a day.
        if at is None:
            later_same_day = "(t.due_at IS NOT NULL OR t.id > ?)"
            later_params: list[Any] = [row_id]
        else:
            later_same_day = "(t.due_at > ? OR (t.due_at = ? AND t.id > ?))"
            stamp = stored_utc(at)
            later_params = [stamp, stamp, row_id]
        where.append(f"(t.due_date > ? OR (t.due_date = ? AND {later_same_day}))")
        params += [day.isoformat(), day.isoformat(), *later_params]
    if kinds:
        where.append(f"t.kind IN ({', '.join('?' * len(kinds))})")
        params += kinds
    sql = f"{_SELECT} WHERE {' AND '.join(where)} ORDER BY t.due_date, t.due_at, t.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    cursor = connection.cursor()
    try:
        return [_typed(row) for row in cursor.execute(sql, params)]
    finally:
        cursor.close()


def stored_settings(connection: sqlite3.Connection) -> dict[str, Any]:
    """The setting rows as a dict of their JSON values (as the settings repository reads)."""
    rows = connection.execute("SELECT key, value_json FROM setting").fetchall()
    return {key: json.loads(value) for key, value in rows}


def schema_revision(connection: sqlite3.Connection) -> str | None:
    """The schema revision the file says it has (None when it has none)."""
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:  # no such table: a file this app has not set up
        return None
    return None if row is None else str(row[0])
