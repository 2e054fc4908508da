"""Interactions: contacts that happened; each one restarts the keep-in-touch clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from app.dto.timeline import InteractionDTO, NextStepInput
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.rules import kit_settle
from app.rules import next_step as next_step_rule
from app.rules.planning_context import PlanningContext
from app.validation import check_channel, check_date, clean_block
from models.customer import Customer
from models.interaction import Interaction
from models.repositories import interactions as repo

# A contact logged for an earlier day, with no time: midday there, safely inside the day in
# every zone the day is read back in.
PAST_DAY_TIME = dt.time(12, 0)


def interaction_dto(row: Interaction, next_step_id: int | None = None) -> InteractionDTO:
    return InteractionDTO(
        row.id,
        row.customer_id,
        row.occurred_at,
        row.channel,
        row.summary,
        row.touchpoint_id,
        next_step_id,
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
        *,
        on: dt.date | None = None,
        next_step: NextStepInput | None = None,
    ) -> InteractionDTO:
        """Log a contact (now, at `occurred_at`, or on the day `on`), and plan the next step
        as a follow-up in the same transaction."""
        ctx = self._planning()
        text = clean_block(summary, 5000, N_("summary"))
        if not text:
            raise ValidationError(_("say in a few words what happened (summary is empty)"))
        when = occurred_at or self._moment(on, ctx)
        if when.tzinfo is None:
            raise ValidationError(_("the time of an interaction needs a time zone"))
        if when > ctx.now + dt.timedelta(minutes=5):
            raise ValidationError(_("an interaction cannot be in the future"))
        with self._sessions.begin() as session:
            customer = session.get(Customer, customer_id)
            if customer is None or customer.deleted_at is not None:
                raise NotFound(
                    _("customer {customer_id} does not exist").format(customer_id=customer_id)
                )
            row = Interaction(
                customer_id=customer_id,
                occurred_at=when,
                channel=check_channel(channel) if channel else customer.preferred_channel,
                summary=text,
            )
            session.add(row)
            session.flush()
            step_id = next_step_rule.plan(session, customer, next_step, ctx) if next_step else None
            kit_settle.settle_customer(session, customer, ctx)
            return interaction_dto(row, step_id)

    @staticmethod
    def _moment(day: dt.date | None, ctx: PlanningContext) -> dt.datetime:
        """Now for today (or no day); midday in the user's zone for an earlier day."""
        if day is None or day == ctx.today:
            return ctx.now
        check_date(day, N_("date of the contact"))
        if day > ctx.today:
            raise ValidationError(_("an interaction cannot be in the future"))
        return dt.datetime.combine(day, PAST_DAY_TIME, tzinfo=ctx.zone).astimezone(dt.UTC)

    def of_customer(self, customer_id: int) -> list[InteractionDTO]:
        with self._sessions() as session:
            return [interaction_dto(row) for row in repo.of_customer(session, customer_id)]
