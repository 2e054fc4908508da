"""Recording many sales in one transaction (imports, sample data): set-based and fast."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy.orm import Session, sessionmaker

from app.dto.sales import BulkResult, SaleInput
from app.errors import NotFound
from app.i18n import _
from app.progress import NO_PROGRESS, Progress
from app.rules import commitment_rows, keep_in_touch
from app.rules.kit_rules import FactsCache
from app.rules.planning_context import PlanningContext, facts_key
from app.rules.sale_planning import engine_steps
from app.rules.touchpoint_rows import due_instant, uid_run
from app.scheduling.planner import PlanResult, SalePlanner
from app.scheduling.steps import Anchors, CustomerFacts
from app.services.sales import find_plan, sale_values
from models.customer_dates import next_due_settled_at_end
from models.plan import Plan
from models.repositories import bulk
from models.repositories import keep_in_touch as kit_repo
from models.repositories.keep_in_touch import CustomerRow, History

REPORT_EVERY = 500


class BulkSaleService:
    """All sales and their touchpoints land together, or none do (cancel rolls back)."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def record_many(
        self, inputs: Sequence[SaleInput], progress: Progress = NO_PROGRESS
    ) -> BulkResult:
        ctx = self._planning()
        with _collector_paused(), self._sessions.begin() as session:
            return record_in(session, inputs, ctx, progress)


def record_in(
    session: Session,
    inputs: Sequence[SaleInput],
    ctx: PlanningContext,
    progress: Progress = NO_PROGRESS,
    *,
    delivered: Sequence[dt.date | None] | None = None,
) -> BulkResult:
    """Record the sales inside the caller's transaction.

    With `delivered` (past sales brought in, one actual delivery day or None per sale),
    each plan is applied as if the sale had been recorded on its day, and steps whose day
    has gone are counted instead of scheduled: nothing lands in the past."""
    total = len(inputs)
    customers = kit_repo.live_customers(session, [data.customer_id for data in inputs])
    plans, values = _validated(session, inputs, customers, ctx)
    past = delivered is not None
    if delivered is not None:
        for sale, day in zip(values, delivered, strict=True):
            sale["actual_delivery"] = day
    progress.report(0, total, _("Recording sales…"))
    sale_ids = bulk.insert_sales(session, values)
    commitment_rows.insert_for_sales(session, sale_ids, values, ctx.now)
    # Read once: the planned days the sales are planned around and, with the days
    # the batch adds, everything keep-in-touch needs afterwards.
    history = kit_repo.history(session, list(customers))
    batch = _Batch(ctx, customers, plans, history, past=past)
    for number, (sale_id, sale) in enumerate(zip(sale_ids, values, strict=True), 1):
        batch.plan_sale(sale_id, sale)
        if number % REPORT_EVERY == 0:
            progress.report(number, total, _("Planning follow-ups…"))
    # All at once, after planning: streaming the rows into the insert while planning
    # measured slower, as each evicted the other's working set from the CPU caches.
    with next_due_settled_at_end(session, customers):
        batch.rows.insert(session)
        progress.report(total, total, _("Updating keep-in-touch check-ins…"))
        keep_in_touch.refresh_after_sales(
            session, list(customers.values()), ctx, history=history, added=batch.added
        )
    return BulkResult(sales=len(values), touchpoints=len(batch.rows), in_the_past=batch.gone)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector (reference counting still frees everything).

    A batch keeps ~100,000 small containers alive and makes none of them cyclic, yet they
    set off full collections that walk the whole heap: 0.2 s of the 10,000-sale benchmark.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _validated(
    session: Session,
    inputs: Sequence[SaleInput],
    customers: Mapping[int, CustomerRow],
    ctx: PlanningContext,
) -> tuple[dict[int, Plan], list[dict[str, Any]]]:
    """The sales' column values, and their plans by id; raises on the first bad input."""
    plans: dict[tuple[str, str], Plan] = {}
    values = []
    for data in inputs:
        if data.customer_id not in customers:
            raise NotFound(
                _("customer {customer_id} does not exist").format(customer_id=data.customer_id)
            )
        key = (data.plan_name.strip(), data.outcome)
        if key not in plans:
            plans[key] = find_plan(session, data)
        values.append(sale_values(data, plans[key], ctx.prefs.currency))
    return {plan_row.id: plan_row for plan_row in plans.values()}, values


class _Alike(NamedTuple):
    """What sales alike share: same plan, anchor dates and customer values planning reads."""

    planner: SalePlanner
    step_ids: Mapping[int, int]
    anchors: Anchors
    facts: CustomerFacts
    # The plan of such a sale whose customer has nothing planned near its days (see
    # SalePlanner.alone): those days, and the dates that count as near.
    near: frozenset[dt.date]
    days: list[dt.date]
    shape: int
    # Steps of a past sale whose day had gone (not scheduled).
    gone: int


@dataclass
class _Batch:
    """Plans sales one after another, each around the customer's touchpoints so far."""

    ctx: PlanningContext
    customers: Mapping[int, CustomerRow]
    plans: Mapping[int, Plan]
    history: History
    # Past sales: planned as of their close day, steps already gone counted in `gone`.
    past: bool = False
    # The days this batch dated, by customer.
    added: dict[int, list[dt.date]] = field(default_factory=dict)
    gone: int = 0

    def __post_init__(self) -> None:
        self._steps = {plan_id: engine_steps(row) for plan_id, row in self.plans.items()}
        self._planners: dict[tuple[int, dt.date], tuple[SalePlanner, dict[int, int]]] = {}
        self._busy = {key: self.history.planned_days(key) for key in self.customers}
        self.rows = bulk.TouchpointRows(*uid_run())
        self._facts = FactsCache(self.ctx)
        self._alike: dict[tuple[Any, ...], _Alike] = {}
        self._instants: dict[tuple[dt.date, dt.time], dt.datetime | None] = {}

    def plan_sale(self, sale_id: int, sale: Mapping[str, Any]) -> None:
        customer_id = sale["customer_id"]
        customer = self.customers[customer_id]
        taken = self._busy[customer_id]
        added = self.added.setdefault(customer_id, [])
        # Everything the plan depends on, as plain values: the plan, the anchors a batch
        # sets and the customer values ctx.facts reads. Thousands of sales, few such keys.
        key = (
            sale["plan_id"],
            sale["closed_on"],
            sale["promised_delivery"],
            sale.get("actual_delivery"),
            *facts_key(customer),
        )
        alike = self._alike.get(key)
        if alike is None:
            alike = self._alike[key] = self._new_alike(sale, customer)
        if alike.near.isdisjoint(taken):
            days, shape, gone = alike.days, alike.shape, alike.gone
        else:
            result = alike.planner.plan(alike.anchors, alike.facts, busy_dates=taken)
            days, shape, gone = self._shape(result, alike.step_ids)
        self.gone += gone
        taken += days
        added += days
        self.rows.add(customer_id, sale_id, shape)

    def _planner(self, plan_id: int, closed_on: dt.date) -> tuple[SalePlanner, dict[int, int]]:
        """The plan's planner as of today, or, for a past sale, as of the day it closed."""
        ctx = self.ctx
        day = min(closed_on, ctx.today) if self.past else ctx.today
        key = (plan_id, day)
        if key not in self._planners:
            steps, rules = self._steps[plan_id]
            planner = SalePlanner(
                rules, ctx.calendar, day, min_gap_days=ctx.prefs.min_gap_days, horizon=ctx.horizon
            )
            self._planners[key] = planner, {index: step.id for index, step in steps.items()}
        return self._planners[key]

    def _new_alike(self, sale: Mapping[str, Any], customer: CustomerRow) -> _Alike:
        planner, step_ids = self._planner(sale["plan_id"], sale["closed_on"])
        anchors = Anchors(
            closed_on=sale["closed_on"],
            promised_delivery=sale["promised_delivery"],
            actual_delivery=sale.get("actual_delivery"),
        )
        facts = self._facts(customer)
        result, near = planner.alone(anchors, facts)
        return _Alike(planner, step_ids, anchors, facts, near, *self._shape(result, step_ids))

    def _shape(
        self, result: PlanResult, step_ids: Mapping[int, int]
    ) -> tuple[list[dt.date], int, int]:
        """The result's dated items: their days, their rows as a shape of self.rows, and
        how many had a day already gone (a past sale's; never scheduled)."""
        days: list[dt.date] = []
        rows = []
        gone = 0
        today = self.ctx.today
        for item in result.items:
            day = item.due_date
            if day is None:
                continue
            if day < today:
                # A past sale's step whose day has gone: counted, never scheduled.
                gone += 1
                continue
            days.append(day)
            channel = str(item.channel)  # its value: Enum.value is a slow property
            instant = self._instant(day, item.time_of_day)
            rows.append(
                (step_ids[item.step_index], item.kind, item.occurrence, channel, day, instant)
            )
        return days, self.rows.shape(rows), gone

    def _instant(self, day: dt.date, time_of_day: dt.time | None) -> dt.datetime | None:
        # A zone conversion per row cost more than the rest of the row; days repeat a lot.
        if time_of_day is None:
            return None
        key = (day, time_of_day)
        if key not in self._instants:
            self._instants[key] = due_instant(day, time_of_day, self.ctx.zone)
        return self._instants[key]
