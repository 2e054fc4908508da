"""Keep-in-touch: one planned check-in at the customer's cadence and the next birthday greeting."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.plans.mapping import step_rule, step_to_dto
from app.scheduling.birthdays import MonthDay
from app.scheduling.keep_in_touch import next_check_in
from app.scheduling.planner import plan
from app.scheduling.steps import Anchors
from app.services.planning_context import PlanningContext
from app.services.touchpoint_rows import move, new_touchpoint
from models.customer import Customer
from models.plan import Plan, PlanStep
from models.repositories import interactions as interaction_repo
from models.repositories import plans as plan_repo
from models.repositories import touchpoints as tp_repo
from models.touchpoint import Touchpoint

KIT_KEY = "keep_in_touch"
DNC_REASON = "Customer asked not to be contacted"


def _kit_steps(plan_row: Plan | None) -> tuple[PlanStep | None, PlanStep | None]:
    if plan_row is None:
        return None, None
    check_in = next((s for s in plan_row.steps if s.anchor == "last_interaction"), None)
    birthday = next((s for s in plan_row.steps if s.anchor == "birthday"), None)
    return check_in, birthday


def _skip(row: Touchpoint, reason: str) -> None:
    row.status = "skipped"
    row.skip_reason = reason
    row.sequence += 1


def refresh_customer(session: Session, customer: Customer, ctx: PlanningContext) -> None:
    """Bring the customer's keep-in-touch touchpoints in line with their data and history."""
    check_in_step, birthday_step = _kit_steps(plan_repo.by_builtin_key(session, KIT_KEY))
    existing = tp_repo.planned_of_customer(session, customer.id, ("check_in", "birthday"))
    if customer.do_not_contact or customer.deleted_at is not None:
        for row in existing:
            _skip(row, DNC_REASON if customer.do_not_contact else "Customer was deleted")
        return
    check_ins = [row for row in existing if row.kind == "check_in"]
    birthdays = [row for row in existing if row.kind == "birthday"]
    busy = tp_repo.planned_dates(session, customer.id, [row.id for row in existing])
    if check_in_step is not None:
        due = _check_in_day(session, customer, ctx, busy)
        if due is not None:
            _place(session, customer, check_in_step, check_ins, due, ctx)
            busy.append(due)
    if birthday_step is not None:
        due = _birthday_day(session, customer, birthday_step, ctx, busy)
        if due is None:
            for row in birthdays:
                _skip(row, "Birthday was removed")
        else:
            _place(session, customer, birthday_step, birthdays, due, ctx)


def _check_in_day(
    session: Session, customer: Customer, ctx: PlanningContext, busy: list[dt.date]
) -> dt.date | None:
    last = interaction_repo.last_contact(session, customer.id) or customer.created_at
    base = last.astimezone(ctx.zone).date()
    # A check-in that was skipped also starts the next interval, or it would return at once.
    closed = tp_repo.latest_closed_day(session, customer.id, "check_in")
    if closed is not None:
        base = max(base, closed)
    after_plan = interaction_repo.latest_planned_sale_day(session, customer.id)
    if after_plan is not None:
        base = max(base, after_plan)
    return next_check_in(
        base,
        ctx.facts(customer),
        ctx.calendar,
        ctx.today,
        busy_dates=busy,
        min_gap_days=ctx.prefs.min_gap_days,
        default_days=ctx.prefs.default_cadence_days,
        key_customer_days=ctx.prefs.key_cadence_days,
    )


def _birthday_day(
    session: Session, customer: Customer, step: PlanStep, ctx: PlanningContext, busy: list[dt.date]
) -> dt.date | None:
    if not customer.birthday_month or not customer.birthday_day:
        return None
    rule = step_rule(step_to_dto(step))
    # After this year's greeting is done or skipped, the next one is next year's.
    closed = tp_repo.latest_closed_day(session, customer.id, "birthday")
    today = max(ctx.today, closed + dt.timedelta(days=1)) if closed else ctx.today
    result = plan(
        [rule],
        Anchors(
            closed_on=ctx.today, birthday=MonthDay(customer.birthday_month, customer.birthday_day)
        ),
        ctx.calendar,
        today,
        ctx.facts(customer),
        busy_dates=busy,
        # A birthday card is tied to its day: it does not yield to the gap rule.
        min_gap_days=0,
    )
    dated = [item.due_date for item in result.items if item.due_date is not None]
    return dated[0] if dated else None


def _place(
    session: Session,
    customer: Customer,
    step: PlanStep,
    rows: list[Touchpoint],
    due: dt.date,
    ctx: PlanningContext,
) -> None:
    """Keep exactly one planned touchpoint for the step, on `due` unless the user pinned it."""
    channel = step.channel or customer.preferred_channel
    for row in rows[1:]:
        _skip(row, "Replaced by a newer plan")
    if not rows:
        session.add(
            new_touchpoint(
                customer_id=customer.id,
                sale_id=None,
                step_id=step.id,
                kind=step.kind,
                channel=channel,
                day=due,
                time_of_day=step.time_of_day,
                zone=ctx.zone,
            )
        )
        return
    keep = rows[0]
    moved = False if keep.pinned else move(keep, due, step.time_of_day, ctx.zone)
    if keep.channel != channel:
        keep.channel = channel
        keep.sequence += 0 if moved else 1
