"""Turning a sale and its plan into touchpoint rows, and re-dating them when anchors move."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sqlalchemy.orm import Session

from app.dto.vocabulary import AnchorKind, LatenessPolicy, Status
from app.plans.mapping import step_rule, step_to_dto
from app.rules.planning_context import PlanningContext
from app.rules.touchpoint_rows import move, new_touchpoint
from app.scheduling.planner import PlannedItem, PlanResult, plan
from app.scheduling.reanchor import ExistingItem, ItemState, reanchor
from app.scheduling.steps import Anchors, StepRule
from models.customer import Customer
from models.plan import Plan, PlanStep
from models.repositories import touchpoints as tp_repo
from models.sale import Sale
from models.touchpoint import Touchpoint

ENGINE_ANCHORS = frozenset(anchor.value for anchor in AnchorKind)
StepKey = tuple[int, int]


def engine_steps(plan_row: Plan) -> tuple[dict[int, PlanStep], list[StepRule]]:
    """The plan's steps the engine can place, by position, and their rules."""
    steps = {step.position: step for step in plan_row.steps if step.anchor in ENGINE_ANCHORS}
    return steps, [step_rule(step_to_dto(step)) for step in steps.values()]


def sale_anchors(sale: Sale, completed: Mapping[int, dt.date] | None = None) -> Anchors:
    return Anchors(
        closed_on=sale.closed_on,
        promised_delivery=sale.promised_delivery,
        actual_delivery=sale.actual_delivery,
        completed=dict(completed or {}),
    )


def plan_sale(
    session: Session, sale: Sale, customer: Customer, plan_row: Plan, ctx: PlanningContext
) -> PlanResult:
    """What the plan gives for this sale now, honouring the customer's other touchpoints."""
    _, rules = engine_steps(plan_row)
    return plan(
        rules,
        sale_anchors(sale),
        ctx.calendar,
        ctx.today,
        ctx.facts(customer),
        busy_dates=tp_repo.planned_dates(session, customer.id) if customer.id else (),
        min_gap_days=ctx.prefs.min_gap_days,
        horizon=ctx.horizon,
    )


def create_touchpoints(
    session: Session,
    sale: Sale,
    customer: Customer,
    plan_row: Plan,
    ctx: PlanningContext,
    overrides: Mapping[StepKey, dt.date],
) -> tuple[list[Touchpoint], str | None]:
    """Insert the sale's dated touchpoints; steps waiting on an earlier one come later."""
    result = plan_sale(session, sale, customer, plan_row, ctx)
    if result.skipped_reason:
        return [], result.skipped_reason
    steps, _ = engine_steps(plan_row)
    rows = []
    for item in result.items:
        if item.due_date is None:
            continue
        day = overrides.get((item.step_index, item.occurrence), item.due_date)
        # A date the user chose in the preview is theirs: re-planning leaves it alone.
        row = _sale_touchpoint(sale, customer, steps, item, day, ctx, pinned=day != item.due_date)
        session.add(row)
        rows.append(row)
    session.flush()
    return rows, None


def _sale_touchpoint(
    sale: Sale,
    customer: Customer,
    steps: Mapping[int, PlanStep] | Sequence[PlanStep],
    item: PlannedItem,
    day: dt.date,
    ctx: PlanningContext,
    pinned: bool = False,
) -> Touchpoint:
    """The row for one planned item of the sale's plan, on this day."""
    return new_touchpoint(
        customer_id=customer.id,
        sale_id=sale.id,
        step_id=steps[item.step_index].id,
        kind=item.kind,
        channel=item.channel.value,
        day=day,
        time_of_day=item.time_of_day,
        zone=ctx.zone,
        occurrence=item.occurrence,
        pinned=pinned,
    )


def _completed_days(
    rows: Sequence[Touchpoint], positions: Mapping[int, int], ctx: PlanningContext
) -> dict[int, dt.date]:
    done: dict[int, dt.date] = {}
    for row in rows:
        position = positions.get(row.step_id or 0)
        if row.status == Status.DONE and position is not None and row.completed_at:
            done[position] = row.completed_at.astimezone(ctx.zone).date()
    return done


def redate_sale(
    session: Session, sale: Sale, ctx: PlanningContext, *, everything: bool = False
) -> list[Touchpoint]:
    """Re-anchor the sale's planned touchpoints and add steps that stopped waiting;
    `everything` recomputes close-anchored ones too (after a calendar rule changed)."""
    plan_row = session.get(Plan, sale.plan_id) if sale.plan_id else None
    customer = session.get(Customer, sale.customer_id)
    if plan_row is None or customer is None:
        return []
    steps, rules = engine_steps(plan_row)
    rows = list(tp_repo.of_sale(session, sale.id))
    positions = {step.id: position for position, step in steps.items()}
    tracked = [row for row in rows if row.step_id is not None and row.step_id in positions]
    anchors = sale_anchors(sale, _completed_days(tracked, positions, ctx))
    items = [
        ExistingItem(
            step_index=positions[row.step_id or 0],
            due_date=row.due_date,
            state=ItemState(row.status),
            pinned=row.pinned,
            occurrence=row.occurrence,
        )
        for row in tracked
    ]
    redated = reanchor(
        rules,
        items,
        anchors,
        ctx.calendar,
        ctx.today,
        policy=LatenessPolicy(plan_row.lateness_policy),
        baseline_delivery=sale.baseline_delivery,
        busy_dates=tp_repo.planned_dates(session, customer.id, [row.id for row in rows]),
        min_gap_days=ctx.prefs.min_gap_days,
        everything=everything,
    )
    changed = []
    for row, item in zip(tracked, redated, strict=True):
        step = steps[item.step_index]
        at = ctx.calendar.working_time(step.time_of_day)
        if item.due_date is not None and move(row, item.due_date, at, ctx.zone):
            changed.append(row)
    changed.extend(_add_unblocked(session, sale, customer, plan_row, rows, positions, ctx))
    return changed


def _add_unblocked(
    session: Session,
    sale: Sale,
    customer: Customer,
    plan_row: Plan,
    rows: Sequence[Touchpoint],
    positions: Mapping[int, int],
    ctx: PlanningContext,
) -> list[Touchpoint]:
    """Steps that were waiting (for the previous step to be done, or for a delivery date
    to be known) get their touchpoint once their anchor exists."""
    if customer.do_not_contact:
        return []
    steps, rules = engine_steps(plan_row)
    existing = {
        (positions[row.step_id], row.occurrence)
        for row in rows
        if row.step_id is not None and row.step_id in positions
    }
    result = plan(
        rules,
        sale_anchors(sale, _completed_days(rows, positions, ctx)),
        ctx.calendar,
        ctx.today,
        ctx.facts(customer),
        busy_dates=tp_repo.planned_dates(session, customer.id),
        min_gap_days=ctx.prefs.min_gap_days,
        horizon=ctx.horizon,
    )
    added = []
    for item in result.items:
        if item.due_date is None or (item.step_index, item.occurrence) in existing:
            continue
        row = _sale_touchpoint(sale, customer, steps, item, item.due_date, ctx)
        session.add(row)
        added.append(row)
    session.flush()
    return added
