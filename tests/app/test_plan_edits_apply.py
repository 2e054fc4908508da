"""Issue #14: a plan edit that affects planned follow-ups applies at once and says how many."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

from app.context import AppContext
from app.dto.customers import CustomerDTO
from app.dto.sales import SaleInput

BERLIN = ZoneInfo("Europe/Berlin")


def delivery_calls(planner: AppContext, customer: CustomerDTO) -> list[dt.time]:
    rows = planner.agenda.touchpoints(customer_id=customer.id, end=dt.date(2027, 12, 31))
    return [
        row.due_at.astimezone(BERLIN).time()
        for row in rows
        if row.kind == "delivery_check" and row.due_at is not None
    ]


def sell(planner: AppContext, customer: CustomerDTO) -> None:
    planner.sales.record(
        SaleInput(customer.id, dt.date(2026, 11, 23), "won", promised_delivery=dt.date(2026, 12, 4))
    )


def test_changing_a_steps_time_moves_the_planned_calls_at_once(
    planner: AppContext, ana: CustomerDTO
) -> None:
    sell(planner, ana)
    assert delivery_calls(planner, ana) == [dt.time(10, 0)]
    plan = planner.plans.get("won_sale")
    [step] = [s for s in plan.steps if s.kind == "delivery_check"]
    saved = planner.plans.update_step(
        plan.id or 0, dataclasses.replace(step, time_of_day=dt.time(11, 0))
    )
    assert saved.moved == 1
    assert delivery_calls(planner, ana) == [dt.time(11, 0)]


def test_a_plan_edit_can_leave_planned_follow_ups_as_they_are(
    planner: AppContext, ana: CustomerDTO
) -> None:
    sell(planner, ana)
    plan = planner.plans.get("won_sale")
    [step] = [s for s in plan.steps if s.kind == "delivery_check"]
    edited = dataclasses.replace(step, time_of_day=dt.time(11, 0))
    saved = planner.plans.update_step(plan.id or 0, edited, apply_to_planned=False)
    assert saved.moved is None
    assert delivery_calls(planner, ana) == [dt.time(10, 0)]
    # Restoring the plan as shipped applies to what is planned, and says so.
    assert planner.plans.restore_builtin("won_sale").moved == 0


def test_a_new_text_moves_nothing_and_a_new_offset_re_plans(
    planner: AppContext, ana: CustomerDTO
) -> None:
    sell(planner, ana)
    plan = planner.plans.get("won_sale")
    [value_add, *_] = [s for s in plan.steps if s.kind == "value_add"]
    texts = planner.plans.update_step(
        plan.id or 0, dataclasses.replace(value_add, body=value_add.body + "\nP.S. Hello")
    )
    assert texts.moved == 0

    def value_adds() -> list[dt.date]:
        rows = planner.agenda.touchpoints(customer_id=ana.id, end=dt.date(2027, 12, 31))
        return [row.due_date for row in rows if row.kind == "value_add"]

    first = value_adds()[0]
    later = dataclasses.replace(value_add, offset_amount=value_add.offset_amount + 1)
    assert (planner.plans.update_step(plan.id or 0, later).moved or 0) >= 1
    assert value_adds()[0] > first
