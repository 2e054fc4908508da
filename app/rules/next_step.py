"""A follow-up planned by hand as the next step after a contact: checked, then added."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.dto.timeline import NextStepInput
from app.errors import ValidationError
from app.kinds import KIND_LABELS, NEXT_STEP_KINDS
from app.rules.planning_context import PlanningContext
from app.rules.touchpoint_rows import new_touchpoint
from app.validation import check_channel, check_date, clean_block
from models.customer import Customer
from models.touchpoint import Touchpoint


def checked(step: NextStepInput, ctx: PlanningContext) -> NextStepInput:
    """The step cleaned, or ValidationError naming what is wrong (nothing is written)."""
    if step.kind not in NEXT_STEP_KINDS:
        names = ", ".join(NEXT_STEP_KINDS)
        raise ValidationError(f"next step {step.kind!r} is not a kind to plan by hand; use {names}")
    check_date(step.due, "next step date")
    if step.due < ctx.today:
        raise ValidationError("the next step cannot be in the past")
    note = clean_block(step.note, 2000, "next step note")
    channel = check_channel(step.channel) if step.channel else ""
    return NextStepInput(step.kind, step.due, note, channel)


def plan(session: Session, customer: Customer, step: NextStepInput, ctx: PlanningContext) -> int:
    """Add the checked step as a planned, all-day follow-up pinned to its day; its id."""
    if customer.do_not_contact:
        raise ValidationError(
            f"{customer.name} asked not to be contacted, so no next step can be planned"
        )
    row: Touchpoint = new_touchpoint(
        customer_id=customer.id,
        sale_id=None,
        step_id=None,
        kind=step.kind,
        channel=step.channel or customer.preferred_channel,
        day=step.due,
        time_of_day=None,
        zone=ctx.zone,
        # Chosen by the user: re-planning leaves its day alone.
        pinned=True,
    )
    row.subject = step.note or KIND_LABELS[step.kind]
    session.add(row)
    session.flush()
    return row.id
