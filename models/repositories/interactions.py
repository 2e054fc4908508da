"""Interaction queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.interaction import Interaction
from models.touchpoint import Touchpoint


def last_contact(session: Session, customer_id: int) -> dt.datetime | None:
    statement = select(func.max(Interaction.occurred_at)).where(
        Interaction.customer_id == customer_id
    )
    value = session.scalar(statement)
    # func.max bypasses the UTC column type: SQLite hands back text or a naive datetime.
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC)


def of_customer(session: Session, customer_id: int, limit: int = 500) -> Sequence[Interaction]:
    statement = (
        select(Interaction)
        .where(Interaction.customer_id == customer_id)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(limit)
    )
    return session.scalars(statement).all()


def latest_planned_sale_day(session: Session, customer_id: int) -> dt.date | None:
    """The last day a sale's follow-up is planned for: keep-in-touch takes over after it."""
    statement = select(func.max(Touchpoint.due_date)).where(
        Touchpoint.customer_id == customer_id,
        Touchpoint.status == "planned",
        Touchpoint.sale_id.is_not(None),
    )
    value = session.scalar(statement)
    if value is None:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
