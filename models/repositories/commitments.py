"""Commitment queries: lists with the customer's name, the overdue check, delivery records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.commitment import Commitment
from models.customer import Customer
from models.sale import Sale
from models.touchpoint import Touchpoint


def with_names(
    session: Session,
    *,
    customer_id: int | None = None,
    statuses: Sequence[str] = (),
    ids: Sequence[int] = (),
) -> Sequence[tuple[Commitment, str]]:
    """Commitments of live customers (with the customer's name), soonest due first."""
    statement = (
        select(Commitment, Customer.name)
        .join(Customer, Customer.id == Commitment.customer_id)
        .where(Customer.deleted_at.is_(None))
        .order_by(Commitment.due_on, Commitment.id)
    )
    if customer_id is not None:
        statement = statement.where(Commitment.customer_id == customer_id)
    if statuses:
        statement = statement.where(Commitment.status.in_(statuses))
    if ids:
        statement = statement.where(Commitment.id.in_(ids))
    return [(row, name) for row, name in session.execute(statement)]


def unchecked_due_by(
    session: Session, latest_due: dt.date, *, deliveries_only: bool = False
) -> Sequence[Commitment]:
    """On-track promises with no recovery yet, due on or before `latest_due` (only sales'
    promised deliveries with `deliveries_only`)."""
    statement = (
        select(Commitment)
        .join(Customer, Customer.id == Commitment.customer_id)
        .where(
            Customer.deleted_at.is_(None),
            Commitment.status == "on_track",
            Commitment.recovery_started_at.is_(None),
            Commitment.due_on <= latest_due,
        )
        .order_by(Commitment.due_on, Commitment.id)
    )
    if deliveries_only:
        statement = statement.where(Commitment.sale_id.is_not(None))
    return session.scalars(statement).all()


def customer_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    statement = select(Customer.id, Customer.name).where(Customer.id.in_(ids))
    return {row.id: row.name for row in session.execute(statement)}


def of_sale(session: Session, sale_id: int, text: str) -> Commitment | None:
    """The sale's delivery commitment (its text names what was sold)."""
    statement = (
        select(Commitment)
        .where(Commitment.sale_id == sale_id, Commitment.text == text)
        .order_by(Commitment.id)
        .limit(1)
    )
    return session.scalars(statement).first()


def outcome_counts(session: Session, customer_id: int | None = None) -> dict[tuple[str, bool], int]:
    """How many promises have each (status, recovered) pair."""
    statement = (
        select(Commitment.status, Commitment.recovered, func.count())
        .join(Customer, Customer.id == Commitment.customer_id)
        .where(Customer.deleted_at.is_(None))
        .group_by(Commitment.status, Commitment.recovered)
    )
    if customer_id is not None:
        statement = statement.where(Commitment.customer_id == customer_id)
    return {
        (status, bool(recovered)): count for status, recovered, count in session.execute(statement)
    }


def steps_of(session: Session, commitment_id: int) -> Sequence[Touchpoint]:
    statement = (
        select(Touchpoint)
        .where(Touchpoint.commitment_id == commitment_id)
        .order_by(Touchpoint.due_date, Touchpoint.due_at, Touchpoint.id)
    )
    return session.scalars(statement).all()


def won_totals(session: Session, customer_id: int) -> dict[str, int]:
    """The customer's won sales summed per currency, in minor units."""
    statement = (
        select(Sale.currency, func.sum(Sale.amount_minor))
        .where(
            Sale.customer_id == customer_id,
            Sale.outcome == "won",
            Sale.deleted_at.is_(None),
            Sale.amount_minor.is_not(None),
        )
        .group_by(Sale.currency)
    )
    return {currency: int(total or 0) for currency, total in session.execute(statement)}
