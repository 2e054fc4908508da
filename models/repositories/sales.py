"""Sale queries."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.sale import Sale


def of_customer(session: Session, customer_id: int) -> Sequence[Sale]:
    statement = (
        select(Sale)
        .where(Sale.customer_id == customer_id, Sale.deleted_at.is_(None))
        .order_by(Sale.closed_on.desc(), Sale.id.desc())
    )
    return session.scalars(statement).all()
