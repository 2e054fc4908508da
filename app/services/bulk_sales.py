"""Recording many sales in one transaction (imports, sample data): set-based and fast."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.dto.sales import SaleInput
from app.errors import NotFound
from app.progress import NO_PROGRESS, Progress
from app.scheduling.planner import plan
from app.scheduling.steps import Anchors
from app.services import commitment_rows, keep_in_touch
from app.services.planning_context import PlanningContext
from app.services.sale_planning import engine_steps
from app.services.sales import find_plan, sale_values
from app.services.touchpoint_rows import touchpoint_values
from models.customer import Customer
from models.plan import Plan
from models.repositories import bulk
from models.repositories import keep_in_touch as kit_repo

REPORT_EVERY = 500


@dataclass(frozen=True)
class BulkResult:
    """How much one bulk recording wrote."""

    sales: int
    touchpoints: int


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
        total = len(inputs)
        with self._sessions.begin() as session:
            customers = _customers(session, sorted({data.customer_id for data in inputs}))
            plans: dict[tuple[str, str], Plan] = {}
            values = []
            for data in inputs:
                if data.customer_id not in customers:
                    raise NotFound(f"customer {data.customer_id} does not exist")
                key = (data.plan_name.strip(), data.outcome)
                if key not in plans:
                    plans[key] = find_plan(session, data)
                values.append(sale_values(data, plans[key], ctx.prefs.currency))
            progress.report(0, total, "Recording sales…")
            sale_ids = bulk.insert_sales(session, values)
            commitment_rows.insert_for_sales(session, sale_ids, values, ctx.now)
            busy = kit_repo.planned_days(session, list(customers), exclude=set())
            steps_of = {plan_row.id: engine_steps(plan_row) for plan_row in plans.values()}
            rows: list[dict[str, Any]] = []
            for number, (sale_id, sale) in enumerate(zip(sale_ids, values, strict=True), 1):
                customer = customers[sale["customer_id"]]
                steps, rules = steps_of[sale["plan_id"]]
                taken = busy.setdefault(customer.id, [])
                anchors = Anchors(
                    closed_on=sale["closed_on"], promised_delivery=sale["promised_delivery"]
                )
                result = plan(
                    rules,
                    anchors,
                    ctx.calendar,
                    ctx.today,
                    ctx.facts(customer),
                    busy_dates=taken,
                    min_gap_days=ctx.prefs.min_gap_days,
                    horizon=ctx.horizon,
                )
                for item in result.items:
                    if item.due_date is None:
                        continue
                    taken.append(item.due_date)
                    rows.append(
                        touchpoint_values(
                            customer_id=customer.id,
                            sale_id=sale_id,
                            step_id=steps[item.step_index].id,
                            kind=item.kind,
                            channel=item.channel.value,
                            day=item.due_date,
                            time_of_day=item.time_of_day,
                            zone=ctx.zone,
                            occurrence=item.occurrence,
                        )
                    )
                if number % REPORT_EVERY == 0:
                    progress.report(number, total, "Planning follow-ups…")
            bulk.insert_touchpoints(session, rows)
            progress.report(total, total, "Updating keep-in-touch check-ins…")
            keep_in_touch.refresh_customers(session, list(customers.values()), ctx)
            return BulkResult(sales=len(values), touchpoints=len(rows))


def _customers(session: Session, ids: list[int]) -> dict[int, Customer]:
    found: dict[int, Customer] = {}
    for part in kit_repo.chunks(ids):
        statement = select(Customer).where(Customer.id.in_(part), Customer.deleted_at.is_(None))
        found.update({row.id: row for row in session.scalars(statement)})
    return found
