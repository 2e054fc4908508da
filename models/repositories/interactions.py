"""Interaction queries."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.interaction import Interaction


def of_customer(session: Session, customer_id: int, limit: int = 500) -> Sequence[Interaction]:
    statement = (
        select(Interaction)
        .where(Interaction.customer_id == customer_id)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(limit)
    )
    return session.scalars(statement).all()
