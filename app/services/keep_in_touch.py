"""Keep-in-touch: one planned check-in at the customer's cadence and the next birthday greeting.

Set-based: the facts for many customers are read with a handful of queries and the changes
are written with three executemany statements, so refreshing one customer and fifty
thousand take the same code path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from app.plans.mapping import step_rule, step_to_dto
from app.scheduling.birthdays import MonthDay
from app.scheduling.keep_in_touch import next_check_in
from app.scheduling.planner import plan
from app.scheduling.steps import Anchors, StepRule
from app.services.planning_context import PlanningContext
from app.services.touchpoint_rows import due_instant, touchpoint_values
from models.customer import Customer
from models.plan import Plan, PlanStep
from models.repositories import keep_in_touch as repo
from models.repositories import plans as plan_repo
from models.repositories.keep_in_touch import KitRow

KIT_KEY = "keep_in_touch"
DNC_REASON = "Customer asked not to be contacted"


@dataclass
class _Facts:
    """What the keep-in-touch rules need to know about each customer, loaded in bulk."""

    existing: dict[int, list[KitRow]]
    busy: dict[int, list[dt.date]]
    last_contact: dict[int, dt.datetime]
    after_plan: dict[int, dt.date]
    closed_check_in: dict[int, dt.date]
    closed_birthday: dict[int, dt.date]


@dataclass
class _Changes:
    """Rows to skip, move and insert, written together at the end."""

    now: dt.datetime
    skips: list[dict[str, Any]] = field(default_factory=list)
    moves: list[dict[str, Any]] = field(default_factory=list)
    inserts: list[dict[str, Any]] = field(default_factory=list)

    def skip(self, row: KitRow, reason: str) -> None:
        self.skips.append({"row_id": row.id, "reason": reason, "now": self.now})


def _load(session: Session, ids: Sequence[int]) -> _Facts:
    existing = repo.planned_kit_rows(session, ids)
    mine = {row.id for rows in existing.values() for row in rows}
    closed = ("done", "skipped")
    return _Facts(
        existing=existing,
        busy=repo.planned_days(session, ids, mine),
        last_contact=repo.last_contacts(session, ids),
        after_plan=repo.latest_days(session, ids, statuses=("planned",), kind=None, of_sales=True),
        closed_check_in=repo.latest_days(
            session, ids, statuses=closed, kind="check_in", of_sales=False
        ),
        closed_birthday=repo.latest_days(
            session, ids, statuses=closed, kind="birthday", of_sales=False
        ),
    )


def _kit_steps(plan_row: Plan | None) -> tuple[PlanStep | None, PlanStep | None]:
    if plan_row is None:
        return None, None
    check_in = next((s for s in plan_row.steps if s.anchor == "last_interaction"), None)
    birthday = next((s for s in plan_row.steps if s.anchor == "birthday"), None)
    return check_in, birthday


def refresh_customer(session: Session, customer: Customer, ctx: PlanningContext) -> None:
    """Bring one customer's keep-in-touch touchpoints in line with their data and history."""
    refresh_customers(session, [customer], ctx)


def refresh_customers(
    session: Session, customers: Sequence[Customer], ctx: PlanningContext
) -> None:
    """The same for many customers, with a constant number of queries."""
    session.flush()
    check_in_step, birthday_step = _kit_steps(plan_repo.by_builtin_key(session, KIT_KEY))
    facts = _load(session, [customer.id for customer in customers])
    changes = _Changes(now=ctx.now)
    birthday_rule = step_rule(step_to_dto(birthday_step)) if birthday_step else None
    for customer in customers:
        existing = facts.existing.get(customer.id, [])
        if customer.do_not_contact or customer.deleted_at is not None:
            reason = DNC_REASON if customer.do_not_contact else "Customer was deleted"
            for row in existing:
                changes.skip(row, reason)
            continue
        busy = facts.busy.get(customer.id, [])
        if check_in_step is not None:
            due = _check_in_day(customer, ctx, facts, busy)
            if due is not None:
                rows = [row for row in existing if row.kind == "check_in"]
                _place(changes, customer, check_in_step, rows, due, ctx)
                busy.append(due)
        if birthday_step is not None:
            rows = [row for row in existing if row.kind == "birthday"]
            assert birthday_rule is not None
            due = _birthday_day(customer, birthday_rule, ctx, facts, busy)
            if due is None:
                for row in rows:
                    changes.skip(row, "Birthday was removed")
            else:
                _place(changes, customer, birthday_step, rows, due, ctx)
    repo.apply_changes(session, skips=changes.skips, moves=changes.moves, inserts=changes.inserts)


def _check_in_day(
    customer: Customer, ctx: PlanningContext, facts: _Facts, busy: list[dt.date]
) -> dt.date | None:
    last = facts.last_contact.get(customer.id) or customer.created_at
    base = last.astimezone(ctx.zone).date()
    # After a sale's plan ends, the cadence takes over; a skipped check-in also restarts it.
    for later in (facts.after_plan.get(customer.id), facts.closed_check_in.get(customer.id)):
        if later is not None:
            base = max(base, later)
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
    customer: Customer, rule: StepRule, ctx: PlanningContext, facts: _Facts, busy: list[dt.date]
) -> dt.date | None:
    if not customer.birthday_month or not customer.birthday_day:
        return None
    # After this year's greeting is done or skipped, the next one is next year's.
    closed = facts.closed_birthday.get(customer.id)
    today = max(ctx.today, closed + dt.timedelta(days=1)) if closed else ctx.today
    result = plan(
        [rule],
        Anchors(closed_on=today, birthday=MonthDay(customer.birthday_month, customer.birthday_day)),
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
    changes: _Changes,
    customer: Customer,
    step: PlanStep,
    rows: list[KitRow],
    due: dt.date,
    ctx: PlanningContext,
) -> None:
    """Keep exactly one planned touchpoint for the step, on `due` unless the user pinned it."""
    channel = step.channel or customer.preferred_channel
    for row in rows[1:]:
        changes.skip(row, "Replaced by a newer plan")
    if not rows:
        changes.inserts.append(
            touchpoint_values(
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
    day, at = keep.due_date, keep.due_at
    if not keep.pinned:
        day, at = due, due_instant(due, step.time_of_day, ctx.zone)
    if (day, at, channel) != (keep.due_date, keep.due_at, keep.channel):
        changes.moves.append(
            {
                "row_id": keep.id,
                "day": day,
                "at": at,
                "new_channel": channel,
                "new_sequence": keep.sequence + 1,
                "now": ctx.now,
            }
        )
