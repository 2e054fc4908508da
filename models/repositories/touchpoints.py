"""Touchpoint queries: the agenda (driver-level: it must be fast) and lookups."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from models import plain_reads
from models.agenda_row import AGENDA_FIELDS, AgendaCursor
from models.customer import Customer
from models.touchpoint import Touchpoint

# The ORM's side of models.agenda_row: the same columns, from the one definition.
AGENDA_COLUMNS = tuple(
    getattr({"touchpoint": Touchpoint, "customer": Customer}[table], column)
    for table, column, _field in AGENDA_FIELDS
)


def agenda_rows(
    session: Session,
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
    """Touchpoints due in [start, end] (either open), ordered by due day, time, id, as
    typed tuples in AGENDA_COLUMNS order; `after` is a keyset cursor (due_date, due_at, id).

    Straight to the driver: for a week of a big book (thousands of rows) SQLAlchemy's
    per-row result processing cost more than the query itself."""
    driver = session.connection().connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return plain_reads.agenda(
        driver, start=start, end=end, customer_id=customer_id, statuses=statuses,
        limit=limit, after=after, kinds=kinds, first_recovery_step=first_recovery_step,
    )  # fmt: skip


def count_planned(session: Session, *, end: dt.date) -> int:
    """How many planned touchpoints of live customers are due on or before end, a promise's
    recovery counted once (as the agenda shows it)."""
    statement = text(
        "SELECT count(*) FROM touchpoint t JOIN customer c ON c.id = t.customer_id"
        " WHERE c.deleted_at IS NULL AND t.status = 'planned' AND t.due_date <= :end"
        f" AND {plain_reads.LATER_RECOVERY_STEP}"
    )
    return int(session.execute(statement, {"end": end.isoformat()}).scalar_one())


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
