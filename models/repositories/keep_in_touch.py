"""Set-based queries behind keep-in-touch: a few queries for many customers at once."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import bindparam, update
from sqlalchemy.orm import Session

from models.base import stored_utc
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


def as_stored(value: dt.datetime) -> dt.datetime:
    """`value` as a row stamped with it reads back: UTC, to the microsecond."""
    return _as_utc(stored_utc(value))


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
    # Customers added together (an import) share a creation time: parse each one once.
    stamps: dict[Any, dt.datetime] = {}
    cursor = _cursor(session)
    try:
        for part in chunks(sorted(set(ids))):
            for row in cursor.execute(_CUSTOMERS_SQL.format(marks=_marks(part)), tuple(part)):
                found[row[0]] = _customer_row(row, stamps)
    finally:
        cursor.close()
    return found


def _customer_row(row: Any, stamps: dict[Any, dt.datetime]) -> CustomerRow:
    row_id, channel, do_not_contact, is_key, cadence, month, day, created, deleted = row
    created_at = stamps.get(created)
    if created_at is None:
        created_at = stamps[created] = _as_utc(created)
    return CustomerRow(
        row_id,
        channel,
        bool(do_not_contact),
        bool(is_key),
        cadence,
        month,
        day,
        created_at,
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
# Done and skipped rows count only for keep-in-touch's kinds (KIT_KINDS): the rest, most of
# a customer's history, stay in SQLite.
_HISTORY_SQL = (
    "SELECT id, customer_id, kind, channel, due_date, due_at, sequence, pinned, status,"
    " sale_id IS NOT NULL, subject = '' FROM touchpoint WHERE customer_id IN ({marks})"
    " AND (status = 'planned' OR kind IN ('check_in', 'birthday'))"
)


def history(session: Session, ids: Sequence[int]) -> History:
    """The customers' touchpoints in one pass (one query per chunk of customers)."""
    found = History()
    days: dict[str, dt.date] = {}
    cursor = _cursor(session)
    try:
        for part in chunks(ids):
            _take(found, cursor.execute(_HISTORY_SQL.format(marks=_marks(part)), tuple(part)), days)
    finally:
        cursor.close()
    for rows in found.kit_rows.values():
        rows.sort()  # by id, as the rules expect: the first one is kept
    return found


def _take(found: History, rows: Iterable[Any], days: dict[str, dt.date]) -> None:
    # One loop with no call per row: tens of thousands of rows make calls add up.
    kit_rows, other_days, last_sale_day = found.kit_rows, found.other_days, found.last_sale_day
    closed = found.closed
    for row in rows:
        customer_id, kind, text, status = row[1], row[2], row[4], row[8]
        day = days.get(text)
        if day is None:
            day = days[text] = dt.date.fromisoformat(text)
        if status != "planned":
            latest = closed.get(kind)
            if latest is not None and (customer_id not in latest or latest[customer_id] < day):
                latest[customer_id] = day
        elif row[9]:  # of a sale
            other_days[customer_id].append(day)
            if customer_id not in last_sale_day or last_sale_day[customer_id] < day:
                last_sale_day[customer_id] = day
        # A check-in with its own subject (a declined request's come-back) is not ours:
        # row[10] says the subject is empty.
        elif row[10] and kind in KIT_KINDS:
            row_id, _, _, channel, _, at, sequence, pinned = row[:8]
            instant = None if at is None else _as_utc(at)
            kit_rows[customer_id].append(
                KitRow(row_id, customer_id, kind, channel, day, instant, sequence, bool(pinned))
            )
        else:
            other_days[customer_id].append(day)


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
