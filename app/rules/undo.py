"""Undo of an action on a follow-up: the customer's rows it changed, put back as they were.

An action (done, skip, snooze, change of date, a feedback score or referral answer) is
recorded as the rows it wrote, each before and after, read as SQLite stores them: the
follow-up, the contact it logged, the item it sent, the request it answered and whatever
re-planning it caused (a keep-in-touch check-in scheduled, a sale's next step dated). Undo
puts those rows back, but only while each still reads as the action left it: a row changed
since by something else would otherwise lose that later change."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import N_, _
from app.rules import kit_settle
from models.base import stored_utc
from models.undo import UndoEntry
from models.write_log import named_writes

# The tables an action on a follow-up writes, each keyed by customer.
TABLES = (
    "touchpoint",
    "interaction",
    "library_send",
    "feedback",
    "referral_answer",
    "inbound_request",
    "commitment",
)
# Written by the clock of whoever wrote last, and the calendar counter that only grows (an
# undo bumps it too): not part of what the user sees.
_IGNORED = frozenset({"updated_at", "sequence"})
# Entries older than this are pruned: an undo is for a mistake just made.
KEEP_DAYS = 30
ACTION_LABELS = {
    "done": N_("mark done"),
    "skip": N_("skip"),
    "snooze": N_("snooze"),
    "reschedule": N_("change date"),
    "feedback": N_("record feedback"),
    "referral": N_("record referral answer"),
    "add": N_("add follow-up"),
}

Row = dict[str, Any]
Snapshot = dict[tuple[str, int], Row]


@dataclass(frozen=True)
class RowChange:
    """One row an action wrote: None before means it added the row."""

    table: str
    id: int
    before: Row | None
    after: Row | None


def snapshot(session: Session, customer_id: int) -> Snapshot:
    """The customer's rows in the tables an action writes, as stored."""
    session.flush()
    connection = session.connection()
    rows: Snapshot = {}
    for table in TABLES:
        result = connection.exec_driver_sql(
            f"SELECT * FROM {table} WHERE customer_id = ?",
            (customer_id,),
        )
        for row in result.mappings():
            rows[(table, row["id"])] = dict(row)
    return rows


def _same(one: Mapping[str, Any] | None, other: Mapping[str, Any] | None) -> bool:
    if one is None or other is None:
        return one is other
    keys = (one.keys() | other.keys()) - _IGNORED
    return all(one.get(key) == other.get(key) for key in keys)


def differences(before: Snapshot, after: Snapshot) -> list[RowChange]:
    """The rows added, removed or changed between two snapshots."""
    return [
        RowChange(table, row_id, before.get(key), after.get(key))
        for key in sorted(before.keys() | after.keys())
        for table, row_id in [key]
        if not _same(before.get(key), after.get(key))
    ]


@contextlib.contextmanager
def recorded(
    session: Session, touchpoint_id: int, customer_id: int, action: str, now: dt.datetime
) -> Iterator[None]:
    """Record what the block writes for the customer as an undoable `action`.

    Keep-in-touch is settled inside the block (it would be at commit), so the check-in a
    completion schedules is part of the action and goes with its undo."""
    before = snapshot(session, customer_id)
    yield
    kit_settle.settle_pending(session)
    changes = differences(before, snapshot(session, customer_id))
    _store(session, touchpoint_id, customer_id, action, now, changes)


def record_added(session: Session, touchpoint_id: int, customer_id: int, now: dt.datetime) -> None:
    """A follow-up added by hand, alone (nothing else changes): undo removes it."""
    session.flush()
    row = _current(session, "touchpoint", touchpoint_id)
    _store(
        session,
        touchpoint_id,
        customer_id,
        "add",
        now,
        [RowChange("touchpoint", touchpoint_id, None, row)],
    )


def _store(
    session: Session,
    touchpoint_id: int,
    customer_id: int,
    action: str,
    now: dt.datetime,
    changes: list[RowChange],
) -> None:
    session.execute(delete(UndoEntry).where(UndoEntry.at < now - dt.timedelta(days=KEEP_DAYS)))
    if changes:
        session.add(
            UndoEntry(
                touchpoint_id=touchpoint_id,
                customer_id=customer_id,
                action=action,
                at=now,
                changes=json.dumps([change.__dict__ for change in changes]),
            )
        )
        session.flush()


def _current(session: Session, table: str, row_id: int) -> Row | None:
    found = session.connection().exec_driver_sql(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    row = found.mappings().first()
    return dict(row) if row is not None else None


def newest(session: Session, touchpoint_id: int | None = None) -> UndoEntry | None:
    """The newest undoable action (on this follow-up, or on any)."""
    statement = select(UndoEntry).order_by(UndoEntry.id.desc()).limit(1)
    if touchpoint_id is not None:
        statement = statement.where(UndoEntry.touchpoint_id == touchpoint_id)
    return session.scalars(statement).first()


def undo(session: Session, entry: UndoEntry, now: dt.datetime) -> None:
    """Put the entry's rows back as they were before its action, or say why not."""
    changes = [RowChange(**change) for change in json.loads(entry.changes)]
    # Table names go into SQL: only ours, whatever the stored text says.
    if any(change.table not in TABLES for change in changes):
        raise ValueError(f"undo entry {entry.id} names a table undo never records")
    current: dict[tuple[str, int], Row | None] = {}
    for change in changes:
        current[(change.table, change.id)] = _current(session, change.table, change.id)
        if not _same(current[(change.table, change.id)], change.after):
            raise ValidationError(
                _(
                    "Follow-up {touchpoint_id} cannot be undone: something it changed was "
                    "changed again since."
                ).format(touchpoint_id=entry.touchpoint_id)
            )
    stamp = stored_utc(now)
    customer_id = entry.customer_id
    # First: removing a follow-up the action added would take its entries with it.
    session.delete(entry)
    session.flush()
    with named_writes(session, [customer_id]):
        # Rows that point at a follow-up go before the follow-up they point at.
        for change in sorted(changes, key=lambda change: change.table == "touchpoint"):
            if change.before is None:
                _take_back(session, change, stamp)
        for change in changes:
            if change.before is not None:
                _put_back(session, change, current[(change.table, change.id)], stamp)


def _take_back(session: Session, change: RowChange, stamp: str) -> None:
    """A row the action added: removed, unless it is a follow-up a calendar already holds
    (then it is skipped, so the next sync removes the event instead of orphaning it)."""
    connection = session.connection()
    if change.table == "touchpoint":
        pushed = connection.exec_driver_sql(
            "SELECT 1 FROM sync_item WHERE touchpoint_id = ?", (change.id,)
        ).first()
        if pushed is not None:
            connection.exec_driver_sql(
                "UPDATE touchpoint SET status = 'skipped', skip_reason = ?, "
                "sequence = sequence + 1, updated_at = ? WHERE id = ?",
                (N_("Taken back by undo"), stamp, change.id),
            )
            return
        connection.exec_driver_sql(
            "DELETE FROM touchpoint_draft WHERE touchpoint_id = ?", (change.id,)
        )
    connection.exec_driver_sql(
        f"DELETE FROM {change.table} WHERE id = ?",
        (change.id,),
    )


def _put_back(session: Session, change: RowChange, current: Row | None, stamp: str) -> None:
    """A row the action changed (or removed): its values from before the action."""
    assert change.before is not None
    values = dict(change.before)
    if change.table == "touchpoint" and current is not None:
        # A calendar sees every change: the sequence grows, it never goes back.
        values["sequence"] = int(current["sequence"]) + 1
    if "updated_at" in values:
        values["updated_at"] = stamp
    connection = session.connection()
    # Only columns the table has now: names go into SQL, and a later schema may differ.
    known = {
        str(info[1]) for info in connection.exec_driver_sql(f"PRAGMA table_info({change.table})")
    }
    columns = [column for column in values if column != "id" and column in known]
    if current is None:
        names = ", ".join(["id", *columns])
        marks = ", ".join("?" for _ in range(len(columns) + 1))
        connection.exec_driver_sql(
            f"INSERT INTO {change.table} ({names}) VALUES ({marks})",
            (change.id, *(values[column] for column in columns)),
        )
        return
    assignments = ", ".join(f"{column} = ?" for column in columns)
    connection.exec_driver_sql(
        f"UPDATE {change.table} SET {assignments} WHERE id = ?",
        (*(values[column] for column in columns), change.id),
    )
