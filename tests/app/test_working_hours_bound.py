"""Issue #16 item 8: every timed follow-up falls inside working hours on a working day."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.clock import FixedClock
from app.context import AppContext
from app.dto.commitments import CommitmentInput
from app.dto.customers import CustomerDTO
from app.dto.sales import SaleInput
from app.dto.touchpoints import TouchpointDTO
from app.errors import ValidationError
from app.preferences import from_stored

BERLIN = ZoneInfo("Europe/Berlin")
FRIDAY, MONDAY = dt.date(2026, 11, 20), dt.date(2026, 11, 23)


def local(item: TouchpointDTO) -> tuple[dt.date, dt.time | None]:
    if item.due_at is None:
        return item.due_date, None
    moment = item.due_at.astimezone(BERLIN)
    assert moment.date() == item.due_date
    return item.due_date, moment.time()


def delivery_call(planner: AppContext, customer: CustomerDTO) -> tuple[dt.date, dt.time | None]:
    rows = planner.agenda.touchpoints(customer_id=customer.id, end=dt.date(2027, 12, 31))
    [call] = [row for row in rows if row.kind == "delivery_check"]
    return local(call)


def sell(planner: AppContext, customer: CustomerDTO) -> None:
    planner.sales.record(
        SaleInput(customer.id, dt.date(2026, 11, 20), "won", promised_delivery=dt.date(2026, 12, 4))
    )


def test_a_promise_found_at_risk_after_hours_is_recovered_from_the_next_morning(
    planner: AppContext, ana: CustomerDTO, clock: FixedClock
) -> None:
    clock.set(dt.datetime(2026, 11, 20, 17, 5, tzinfo=BERLIN))
    promise = planner.commitments.add(
        CommitmentInput(ana.id, "Install the charging station", dt.date(2026, 11, 27))
    )
    recovery = planner.commitments.at_risk(promise.id)
    timed = sorted(local(item) for item in recovery.touchpoints if item.due_at is not None)
    assert timed == [
        (MONDAY, dt.time(9, 0)),
        (MONDAY, dt.time(9, 30)),
        (MONDAY, dt.time(10, 30)),
    ]


def test_changing_working_hours_moves_the_planned_calls_into_them(
    planner: AppContext, ana: CustomerDTO
) -> None:
    sell(planner, ana)
    assert delivery_call(planner, ana) == (dt.date(2026, 12, 7), dt.time(10, 0))
    change = planner.change_settings({"work_start": "11:00", "work_end": "19:00"})
    assert change.moved == 1
    assert delivery_call(planner, ana) == (dt.date(2026, 12, 7), dt.time(11, 0))
    planner.change_settings({"work_start": "07:00", "work_end": "09:30"})
    assert delivery_call(planner, ana) == (dt.date(2026, 12, 8), dt.time(7, 0))


def test_a_plan_step_timed_after_hours_is_due_at_the_next_start_of_them(
    planner: AppContext, ana: CustomerDTO
) -> None:
    sell(planner, ana)
    plan = planner.plans.get("won_sale")
    [step] = [s for s in plan.steps if s.kind == "delivery_check"]
    saved = planner.plans.update_step(
        plan.id or 0, dataclasses.replace(step, time_of_day=dt.time(18, 30))
    )
    assert saved.moved == 1
    assert delivery_call(planner, ana) == (dt.date(2026, 12, 8), dt.time(9, 0))
    planner.plans.update_step(plan.id or 0, dataclasses.replace(step, time_of_day=dt.time(8, 0)))
    assert delivery_call(planner, ana) == (dt.date(2026, 12, 7), dt.time(9, 0))


def test_a_snoozed_follow_up_wakes_inside_working_hours(
    planner: AppContext, ana: CustomerDTO
) -> None:
    sell(planner, ana)
    rows = planner.agenda.touchpoints(customer_id=ana.id, end=dt.date(2027, 12, 31))
    [call] = [row for row in rows if row.kind == "delivery_check"]
    # A time set by hand is the salesperson's own (a dinner with the customer)...
    moved = planner.touchpoints.reschedule(call.id, dt.date(2026, 12, 7), dt.time(19, 30))
    assert local(moved) == (dt.date(2026, 12, 7), dt.time(19, 30))
    # ...but a snooze to another day lands in that day's working hours.
    snoozed = planner.touchpoints.snooze(call.id, until=dt.date(2026, 12, 9))
    assert local(snoozed) == (dt.date(2026, 12, 9), dt.time(9, 0))


def test_a_request_answer_by_time_is_inside_working_hours(
    planner: AppContext, ana: CustomerDTO, clock: FixedClock
) -> None:
    clock.set(dt.datetime(2026, 11, 20, 13, 0, tzinfo=BERLIN))
    request = planner.requests.add(ana.id, "Wants a quote", channel="phone")
    assert request.due_at.astimezone(BERLIN) == dt.datetime(2026, 11, 20, 17, 0, tzinfo=BERLIN)
    clock.set(dt.datetime(2026, 11, 20, 20, 0, tzinfo=BERLIN))
    late = planner.requests.add(ana.id, "Called after hours", channel="phone")
    assert late.due_at.astimezone(BERLIN) == dt.datetime(2026, 11, 23, 13, 0, tzinfo=BERLIN)


def test_working_hours_that_end_before_they_start_are_refused(planner: AppContext) -> None:
    with pytest.raises(ValidationError, match="end after they start"):
        planner.change_settings({"work_start": "18:00"})
    with pytest.raises(ValidationError, match="end after they start"):
        planner.settings.set_many({"work_start": "10:00", "work_end": "10:00"})
    prefs = planner.settings.get()
    assert (prefs.work_start, prefs.work_end) == (dt.time(9), dt.time(17))


def test_stored_hours_that_end_before_they_start_fall_back_to_the_defaults() -> None:
    prefs = from_stored({"work_start": "18:00", "work_end": "08:00"}, "UTC")
    assert (prefs.work_start, prefs.work_end) == (dt.time(9), dt.time(17))
