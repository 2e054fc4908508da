"""The next step logged with a contact is a follow-up added by hand: the rule (kinds, day,
working hours, do-not-contact) lives in app.rules.hand_added; this adapts the input."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.dto.timeline import NextStepInput
from app.dto.touchpoints import NewFollowUp
from app.rules.hand_added import add_by_hand
from app.rules.planning_context import PlanningContext
from models.customer import Customer


def plan(session: Session, customer: Customer, step: NextStepInput, ctx: PlanningContext) -> int:
    """Add the step as a planned, all-day follow-up pinned to its day; its id. Raises
    ValidationError (the caller's transaction then writes nothing) when the step is not one."""
    row, _day_off = add_by_hand(
        session,
        NewFollowUp(customer.id, step.kind, step.due, None, step.channel, step.note),
        ctx,
    )
    return row.id
