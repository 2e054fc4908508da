"""Touchpoint queries: the agenda (Core rows, no ORM objects: it must be fast) and lookups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from models.customer import Customer
from models.plan import PlanStep
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
) -> Sequence[Any]:
    """Touchpoints due in [start, end] (either open), ordered by due day, time, id;
    `after` is a keyset cursor (due_date, due_at, id) for paging."""
    statement = (
        select(*AGENDA_COLUMNS)
        .join(Customer, Customer.id == Touchpoint.customer_id)
        .where(Customer.deleted_at.is_(None))
        .order_by(Touchpoint.due_date, Touchpoint.due_at, Touchpoint.id)
    )
    if len(statuses) == 1:
        statement = statement.where(Touchpoint.status == statuses[0])
    elif statuses:
        statement = statement.where(Touchpoint.status.in_(statuses))
    if start is not None:
        statement = statement.where(Touchpoint.due_date >= start)
    if end is not None:
        statement = statement.where(Touchpoint.due_date <= end)
    if customer_id is not None:
        statement = statement.where(Touchpoint.customer_id == customer_id)
    if after is not None:
        statement = statement.where(_after(*after))
    if kinds:
        statement = statement.where(Touchpoint.kind.in_(kinds))
    if limit is not None:
        statement = statement.limit(limit)
    # Core rows through the session's connection: the ORM's row processing is not needed.
    return session.connection().execute(statement).all()


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


def _after(day: dt.date, at: dt.datetime | None, row_id: int) -> Any:
    """Rows after (day, at, id) in agenda order; SQLite sorts NULL (all-day) times first."""
    if at is None:
        later_same_day = or_(
            Touchpoint.due_at.is_not(None),
            and_(Touchpoint.due_at.is_(None), Touchpoint.id > row_id),
        )
    else:
        later_same_day = or_(
            Touchpoint.due_at > at,
            and_(Touchpoint.due_at == at, Touchpoint.id > row_id),
        )
    return or_(Touchpoint.due_date > day, and_(Touchpoint.due_date == day, later_same_day))


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


def step_positions(session: Session, step_ids: Sequence[int]) -> dict[int, int]:
    rows = session.execute(select(PlanStep.id, PlanStep.position).where(PlanStep.id.in_(step_ids)))
    return dict(rows.tuples().all())


def later_of_sale(session: Session, sale_id: int, after: dt.date) -> Sequence[Touchpoint]:
    statement = (
        select(Touchpoint)
        .where(
            Touchpoint.sale_id == sale_id,
            Touchpoint.status == "planned",
            Touchpoint.due_date >= after,
        )
        .order_by(Touchpoint.due_date, Touchpoint.id)
    )
    return session.scalars(statement).all()
