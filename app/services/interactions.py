"""Interactions: contacts that happened; each one restarts the keep-in-touch clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from app.dto.timeline import InteractionDTO
from app.errors import NotFound, ValidationError
from app.rules import keep_in_touch
from app.rules.planning_context import PlanningContext
from app.validation import check_channel, clean_block
from models.customer import Customer
from models.interaction import Interaction
from models.repositories import interactions as repo


def interaction_dto(row: Interaction) -> InteractionDTO:
    return InteractionDTO(
        row.id, row.customer_id, row.occurred_at, row.channel, row.summary, row.touchpoint_id
    )


class InteractionService:
    """Log ad-hoc contacts and list a customer's history."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def add(
        self,
        customer_id: int,
        summary: str,
        channel: str = "",
        occurred_at: dt.datetime | None = None,
    ) -> InteractionDTO:
        ctx = self._planning()
        text = clean_block(summary, 5000, "summary")
        if not text:
            raise ValidationError("say in a few words what happened (summary is empty)")
        when = occurred_at or ctx.now
        if when.tzinfo is None:
            raise ValidationError("the time of an interaction needs a time zone")
        if when > ctx.now + dt.timedelta(minutes=5):
            raise ValidationError("an interaction cannot be in the future")
        with self._sessions.begin() as session:
            customer = session.get(Customer, customer_id)
            if customer is None or customer.deleted_at is not None:
                raise NotFound(f"customer {customer_id} does not exist")
            row = Interaction(
                customer_id=customer_id,
                occurred_at=when,
                channel=check_channel(channel) if channel else customer.preferred_channel,
                summary=text,
            )
            session.add(row)
            session.flush()
            keep_in_touch.settle_customer(session, customer, ctx)
            return interaction_dto(row)

    def of_customer(self, customer_id: int) -> list[InteractionDTO]:
        with self._sessions() as session:
            return [interaction_dto(row) for row in repo.of_customer(session, customer_id)]
