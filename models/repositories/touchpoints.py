"""Touchpoint queries: the agenda (driver-level: it must be fast) and lookups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.base import stored_utc
from models.customer import Customer
from models.touchpoint import Touchpoint

AGENDA_COLUMNS = (
    Touchpoint.id,
    Touchpoint.uid,
    Touchpoint.customer_id,
    Customer.name,
    Customer.company,
    Customer.email,
    Customer.phone,
    Touchpoint.sale_id,
    Touchpoint.kind,
    Touchpoint.channel,
    Touchpoint.due_date,
    Touchpoint.due_at,
    Touchpoint.status,
    Touchpoint.sequence,
    Touchpoint.pinned,
    Touchpoint.snoozed_from,
    Touchpoint.completed_at,
    Touchpoint.outcome_note,
    Touchpoint.skip_reason,
    Touchpoint.updated_at,
    Touchpoint.subject,
    Touchpoint.commitment_id,
    Touchpoint.request_id,
)


# The agenda's columns in the order of the DTO it becomes (see AGENDA_COLUMNS). Instants
# are stored as naive UTC; SQL appends the offset so that parsing yields aware datetimes.
_AGENDA_SELECT = (
    "SELECT t.id, t.uid, t.customer_id, c.name, c.company, c.email, c.phone, t.sale_id,"
    " t.kind, t.channel, t.due_date, t.due_at || '+00:00', t.status, t.sequence, t.pinned,"
    " t.snoozed_from, t.completed_at || '+00:00', t.outcome_note, t.skip_reason,"
    " t.updated_at || '+00:00', t.subject, t.commitment_id, t.request_id"
    " FROM touchpoint t JOIN customer c ON c.id = t.customer_id"
)
_day = dt.date.fromisoformat
_instant = dt.datetime.fromisoformat


def _typed(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A raw agenda row with dates, UTC instants and flags as the ORM would give them."""
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


def agenda_rows(
    session: Session,
    *,
    start: dt.date | None,
    end: dt.date | None,
    customer_id: int | None = None,
    statuses: Sequence[str] = ("planned",),
    limit: int | None = None,
    after: tuple[dt.date, dt.datetime | None, int] | None = None,
    kinds: Sequence[str] = (),
) -> list[tuple[Any, ...]]:
    """Touchpoints due in [start, end] (either open), ordered by due day, time, id, as
    typed tuples in AGENDA_COLUMNS order; `after` is a keyset cursor (due_date, due_at, id).

    Straight to the driver: for a week of a big book (thousands of rows) SQLAlchemy's
    per-row result processing cost more than the query itself."""
    where = ["c.deleted_at IS NULL"]
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
    sql = f"{_AGENDA_SELECT} WHERE {' AND '.join(where)} ORDER BY t.due_date, t.due_at, t.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    driver = session.connection().connection.driver_connection
    cursor = driver.cursor()  # type: ignore[union-attr]
    try:
        return [_typed(row) for row in cursor.execute(sql, params)]
    finally:
        cursor.close()


def count_planned(session: Session, *, end: dt.date) -> int:
    """How many planned touchpoints of live customers are due on or before end."""
    statement = (
        select(func.count())
        .select_from(Touchpoint)
        .join(Customer, Customer.id == Touchpoint.customer_id)
        .where(
            Customer.deleted_at.is_(None),
            Touchpoint.status == "planned",
            Touchpoint.due_date <= end,
        )
    )
    return int(session.execute(statement).scalar_one())


def by_ids(session: Session, ids: Sequence[int]) -> Sequence[Any]:
    statement = (
        select(*AGENDA_COLUMNS)
        .join(Customer, Customer.id == Touchpoint.customer_id)
        .where(Touchpoint.id.in_(ids))
        .order_by(Touchpoint.due_date, Touchpoint.due_at, Touchpoint.id)
    )
    return session.execute(statement).all()


def of_sale(session: Session, sale_id: int) -> Sequence[Touchpoint]:
    statement = select(Touchpoint).where(Touchpoint.sale_id == sale_id).order_by(Touchpoint.id)
    return session.scalars(statement).all()


def planned_dates(
    session: Session, customer_id: int, exclude_ids: Sequence[int] = ()
) -> list[dt.date]:
    """Days the customer already has a planned touchpoint (for the gap rule)."""
    statement = select(Touchpoint.due_date).where(
        Touchpoint.customer_id == customer_id, Touchpoint.status == "planned"
    )
    if exclude_ids:
        statement = statement.where(Touchpoint.id.not_in(exclude_ids))
    return list(session.scalars(statement).all())
