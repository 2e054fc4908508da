"""Completing a touchpoint from another use case: done, the contact logged, the plan follows."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.rules import kit_settle
from app.rules.planning_context import PlanningContext
from app.rules.sale_planning import redate_sale
from models.customer import Customer
from models.interaction import Interaction
from models.sale import Sale
from models.touchpoint import Touchpoint


def log_contact(
    session: Session,
    customer_id: int,
    channel: str,
    summary: str,
    ctx: PlanningContext,
    touchpoint_id: int | None = None,
) -> None:
    session.add(
        Interaction(
            customer_id=customer_id,
            touchpoint_id=touchpoint_id,
            occurred_at=ctx.now,
            channel=channel,
            summary=summary,
        )
    )


def complete(
    session: Session, row: Touchpoint, ctx: PlanningContext, note: str, summary: str
) -> None:
    """Mark `row` done with `note` and log `summary` as the contact that happened."""
    row.status, row.completed_at = "done", ctx.now
    row.outcome_note = note
    row.sequence += 1
    log_contact(session, row.customer_id, row.channel, summary, ctx, row.id)
    session.flush()


def after_change(
    session: Session, customer: Customer, ctx: PlanningContext, sale_id: int | None
) -> None:
    """Steps waiting on a completed one get their dates; keep-in-touch restarts."""
    if sale_id is not None:
        sale = session.get(Sale, sale_id)
        if sale is not None and sale.deleted_at is None:
            redate_sale(session, sale, ctx)
    kit_settle.settle_customer(session, customer, ctx)
    session.flush()


def after_touchpoint_change(session: Session, row: Touchpoint, ctx: PlanningContext) -> None:
    """after_change for the customer and sale of a touchpoint that was done, skipped or
    moved: the one place that rule lives."""
    customer = session.get(Customer, row.customer_id)
    if customer is not None:
        after_change(session, customer, ctx, row.sale_id)
