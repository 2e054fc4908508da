"""Queries for a customer's timeline that no other repository answers (commitments)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.commitment import Commitment


def commitments_of_customer(session: Session, customer_id: int) -> Sequence[Commitment]:
    statement = (
        select(Commitment)
        .where(Commitment.customer_id == customer_id)
        .order_by(Commitment.due_on, Commitment.id)
    )
    return session.scalars(statement).all()
