"""Set-based queries behind keep-in-touch: a few queries for many customers at once."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import bindparam, update
from sqlalchemy.orm import Session

from models.repositories import bulk
from models.touchpoint import Touchpoint

# SQLite allows 32,766 bound parameters; stay well below it.
CHUNK = 5000
KIT_KINDS = ("check_in", "birthday")


def chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _as_utc(value: Any) -> dt.datetime:
    # Aggregates bypass the UTC column type: SQLite hands back text or a naive datetime.
    parsed = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return parsed.replace(tzinfo=dt.UTC)


class KitRow(NamedTuple):
    """The parts of a planned keep-in-touch touchpoint the rules look at."""

    id: int
    customer_id: int
    kind: str
    channel: str
    due_date: dt.date
    due_at: dt.datetime | None
    sequence: int
    pinned: bool


class CustomerRow(NamedTuple):
    """The customer columns keep-in-touch and planning read, without an ORM object."""

    id: int
    preferred_channel: str
    do_not_contact: bool
    is_key: bool
    keep_in_touch_days: int | None
    birthday_month: int | None
    birthday_day: int | None
    created_at: dt.datetime
    deleted_at: dt.datetime | None


_CUSTOMERS_SQL = (
    "SELECT id, preferred_channel, do_not_contact, is_key, keep_in_touch_days, birthday_month,"
    " birthday_day, created_at, deleted_at FROM customer"
    " WHERE deleted_at IS NULL AND id IN ({marks}) ORDER BY id"
)


def live_customers(session: Session, ids: Sequence[int]) -> dict[int, CustomerRow]:
    """The customers of these ids that exist and are not deleted, by id (in id order)."""
    # Plain rows from the driver: ORM objects took longer to load than their sales to plan.
    found: dict[int, CustomerRow] = {}
    cursor = _cursor(session)
    try:
        for part in chunks(sorted(set(ids))):
            for row in cursor.execute(_CUSTOMERS_SQL.format(marks=_marks(part)), tuple(part)):
                found[row[0]] = _customer_row(row)
    finally:
        cursor.close()
    return found


def _customer_row(row: Any) -> CustomerRow:
    row_id, channel, do_not_contact, is_key, cadence, month, day, created, deleted = row
    return CustomerRow(
        row_id,
        channel,
        bool(do_not_contact),
        bool(is_key),
        cadence,
        month,
        day,
        _as_utc(created),
        None if deleted is None else _as_utc(deleted),
    )


def _cursor(session: Session) -> Any:
    return session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]


def _marks(part: Sequence[int]) -> str:
    return ", ".join("?" * len(part))


@dataclass
class History:
    """Many customers' touchpoints as keep-in-touch and planning look at them."""

    # Planned keep-in-touch touchpoints (by id), and the days of all other planned ones.
    kit_rows: dict[int, list[KitRow]] = field(default_factory=lambda: defaultdict(list))
    other_days: dict[int, list[dt.date]] = field(default_factory=lambda: defaultdict(list))
    # The latest day of a planned touchpoint of a sale.
    last_sale_day: dict[int, dt.date] = field(default_factory=dict)
    # The latest day of a done or skipped check-in and birthday greeting.
    closed: dict[str, dict[int, dt.date]] = field(
        default_factory=lambda: {kind: {} for kind in KIT_KINDS}
    )

    def planned_days(self, customer_id: int) -> list[dt.date]:
        """The days of all the customer's planned touchpoints."""
        kit_days = [row.due_date for row in self.kit_rows.get(customer_id, ())]
        return [*self.other_days.get(customer_id, ()), *kit_days]


# Straight to the driver: SQLAlchemy's per-row processing cost more than the query, and
# most rows only need their day. No ORDER BY: it would turn the index search into a scan.
_HISTORY_SQL = (
    "SELECT id, customer_id, kind, channel, due_date, due_at, sequence, pinned, status,"
    " sale_id IS NOT NULL, subject = '' FROM touchpoint WHERE customer_id IN ({marks})"
)


def history(session: Session, ids: Sequence[int]) -> History:
    """The customers' touchpoints in one pass (one query per chunk of customers)."""
    found = History()
    days: dict[str, dt.date] = {}
    cursor = _cursor(session)
    try:
        for part in chunks(ids):
            for row in cursor.execute(_HISTORY_SQL.format(marks=_marks(part)), tuple(part)):
                day = days.get(row[4])
                if day is None:
                    day = days[row[4]] = dt.date.fromisoformat(row[4])
                _take(found, row, day)
    finally:
        cursor.close()
    for rows in found.kit_rows.values():
        rows.sort()  # by id, as the rules expect: the first one is kept
    return found


def _take(found: History, row: Any, day: dt.date) -> None:
    row_id, customer_id, kind, channel, _, at, sequence, pinned, status, of_sale, plain = row
    if status != "planned":
        _keep_latest(found.closed.get(kind), customer_id, day)
    elif of_sale:
        found.other_days[customer_id].append(day)
        _keep_latest(found.last_sale_day, customer_id, day)
    # A check-in with its own subject (a declined request's come-back) is not ours.
    elif plain and kind in KIT_KINDS:
        instant = None if at is None else _as_utc(at)
        found.kit_rows[customer_id].append(
            KitRow(row_id, customer_id, kind, channel, day, instant, sequence, bool(pinned))
        )
    else:
        found.other_days[customer_id].append(day)


def _keep_latest(latest: dict[int, dt.date] | None, customer_id: int, day: dt.date) -> None:
    if latest is not None and (customer_id not in latest or latest[customer_id] < day):
        latest[customer_id] = day


def apply_changes(
    session: Session,
    *,
    skips: Sequence[dict[str, Any]],
    moves: Sequence[bulk.TouchpointMove],
    inserts: Sequence[bulk.NewTouchpoint],
    now: dt.datetime,
) -> None:
    """Write keep-in-touch changes in three executemany statements (not one per row)."""
    if skips:
        session.connection().execute(
            update(Touchpoint)
            .where(Touchpoint.id == bindparam("row_id"))
            .values(
                status="skipped",
                skip_reason=bindparam("reason"),
                sequence=Touchpoint.sequence + 1,
                updated_at=bindparam("now"),
            ),
            list(skips),
        )
    bulk.move_touchpoints(session, moves, now)
    bulk.insert_touchpoints(session, inserts)
    # ORM objects of these rows, if any are loaded, must not show (or write back) old values.
    touched = {change["row_id"] for change in skips} | {move.row_id for move in moves}
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Touchpoint) and obj.id in touched:
            session.expire(obj)


_LAST_CONTACTS_SQL = (
    "SELECT customer_id, max(occurred_at) FROM interaction WHERE customer_id IN ({marks})"
    " GROUP BY customer_id"
)


def last_contacts(session: Session, ids: Sequence[int]) -> dict[int, dt.datetime]:
    """When each customer was last in contact, for those with any interaction."""
    found = {}
    cursor = _cursor(session)
    try:
        for part in chunks(ids):
            rows = cursor.execute(_LAST_CONTACTS_SQL.format(marks=_marks(part)), tuple(part))
            found.update({customer_id: _as_utc(value) for customer_id, value in rows})
    finally:
        cursor.close()
    return found
