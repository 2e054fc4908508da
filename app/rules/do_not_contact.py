"""Do not contact: every planned follow-up of the customer stops, and comes back when lifted."""

from __future__ import annotations

from sqlalchemy import or_, select, true, update
from sqlalchemy.orm import Session

from app.dto.vocabulary import RollDirection, Status
from app.i18n import N_
from app.rules.planning_context import PlanningContext
from app.rules.sale_planning import redate_sale
from app.rules.touchpoint_rows import local_time, move, skip_planned
from models.customer import Customer
from models.sale import Sale
from models.touchpoint import Touchpoint
from models.write_log import named_writes

# The skip reason is this constant, never typed text: lifting the flag finds the follow-ups
# it stopped by it, and leaves alone the ones skipped for any other reason.
# Stored in English (matched as a key below); shown through _() by the timeline.
DNC_REASON = N_("Customer asked not to be contacted")


def follow_flag(session: Session, customer: Customer, ctx: PlanningContext) -> None:
    """Stop the customer's planned follow-ups while the flag is set (so they leave the .ics
    and, on the next sync, every calendar); bring back the ones it stopped once it is not."""
    session.flush()
    if customer.do_not_contact:
        _stop(session, customer.id, ctx)
    else:
        _bring_back(session, customer.id, ctx)


def _stop(session: Session, customer_id: int, ctx: PlanningContext) -> None:
    skip_planned(session, customer_id, true(), DNC_REASON, ctx.now)


def _bring_back(session: Session, customer_id: int, ctx: PlanningContext) -> None:
    live_sales = select(Sale.id).where(Sale.deleted_at.is_(None))
    with named_writes(session, [customer_id]):
        restored = session.execute(
            update(Touchpoint)
            .where(
                Touchpoint.customer_id == customer_id,
                Touchpoint.status == Status.SKIPPED,
                Touchpoint.skip_reason == DNC_REASON,
                # A deleted sale's follow-ups wait for the sale to come back from the trash.
                or_(Touchpoint.sale_id.is_(None), Touchpoint.sale_id.in_(live_sales)),
            )
            .values(
                status=Status.PLANNED,
                skip_reason="",
                sequence=Touchpoint.sequence + 1,
                updated_at=ctx.now,
            )
            .returning(Touchpoint.id)
            .execution_options(synchronize_session="fetch")
        )
    ids = list(restored.scalars())
    if not ids:
        return
    session.expire_all()
    rows = session.scalars(select(Touchpoint).where(Touchpoint.id.in_(ids))).all()
    for sale_id in sorted({row.sale_id for row in rows if row.sale_id is not None}):
        sale = session.get(Sale, sale_id)
        if sale is not None:
            redate_sale(session, sale, ctx, everything=True)
    # What the plan rules leave in the past (a date set by hand, a promise's step) is due
    # today at the earliest: it was not late, it was on hold.
    first_day = ctx.calendar.roll(ctx.today, RollDirection.NEXT)
    for row in rows:
        if row.due_date < ctx.today:
            move(row, first_day, local_time(row, ctx.zone), ctx.zone)
    session.flush()
