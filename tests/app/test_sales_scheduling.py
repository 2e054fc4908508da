"""Recording sales: the default plans land on the right working days and follow date changes."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.sales import SaleInput
from app.dto.touchpoints import TouchpointDTO

D = dt.date


def schedule(items: tuple[TouchpointDTO, ...] | list[TouchpointDTO]) -> list[tuple[str, dt.date]]:
    return [(item.kind, item.due_date) for item in items]


def won(planner: AppContext, customer: CustomerDTO, **changes: object) -> SaleInput:
    fields: dict[str, object] = {
        "customer_id": customer.id,
        "closed_on": D(2026, 11, 20),  # a Friday
        "outcome": "won",
        "amount": "12500",
        "description": "Two forklifts",
        "promised_delivery": D(2026, 12, 5),  # a Saturday
    }
    fields.update(changes)
    return SaleInput(**fields)  # type: ignore[arg-type]


def test_won_sale_on_a_friday_with_saturday_delivery(planner: AppContext, ana: CustomerDTO) -> None:
    result = planner.sales.record(won(planner, ana))
    assert schedule(result.touchpoints) == [
        ("thank_you", D(2026, 11, 20)),  # the day of the close
        ("delivery_check", D(2026, 12, 7)),  # 1 working day after Saturday's delivery
        ("value_add", D(2026, 12, 28)),  # +3 weeks = Sat 26 Dec, a holiday: next working day
        ("feedback", D(2027, 1, 5)),  # +1 month; 6 Jan is Epiphany in Bavaria, not in the way
        ("referral", D(2027, 1, 18)),  # +6 weeks = Sat 16 Jan -> Monday
        ("value_add", D(2027, 2, 5)),  # +2 months
        ("value_add", D(2027, 4, 5)),  # +4 months
    ]
    check = result.touchpoints[1]
    assert check.channel == "phone" and not check.all_day
    # 10:00 in Berlin in winter is 09:00 UTC.
    assert check.due_at == dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)
    assert result.touchpoints[0].all_day and result.touchpoints[0].channel == "email"
    assert all(item.sequence == 0 for item in result.touchpoints)
    assert len({item.uid for item in result.touchpoints}) == 7


def test_a_holiday_monday_moves_to_tuesday(
    planner: AppContext, ana: CustomerDTO, clock: FixedClock
) -> None:
    clock.set(dt.datetime(2026, 12, 29, 9, 0, tzinfo=dt.UTC))
    result = planner.sales.record(
        SaleInput(customer_id=ana.id, closed_on=D(2026, 12, 29), outcome="lost")
    )
    # 29 Dec 2026 + 3 months = Mon 29 Mar 2027, Easter Monday.
    assert result.touchpoints[1].due_date == D(2027, 3, 30)


def test_lost_sale_thanks_anyway_then_checks_back(planner: AppContext, ana: CustomerDTO) -> None:
    result = planner.sales.record(
        SaleInput(customer_id=ana.id, closed_on=D(2026, 11, 20), outcome="lost")
    )
    assert schedule(result.touchpoints) == [
        ("thank_you", D(2026, 11, 23)),  # within a working day of a Friday close
        ("check_in", D(2027, 2, 22)),  # +3 months = Sat 20 Feb -> Monday
        ("check_in", D(2027, 5, 20)),  # +6 months
    ]


def test_month_arithmetic_is_calendar_correct(
    planner: AppContext, ana: CustomerDTO, clock: FixedClock
) -> None:
    clock.set(dt.datetime(2027, 1, 29, 9, 0, tzinfo=dt.UTC))
    result = planner.sales.record(
        won(planner, ana, closed_on=D(2027, 1, 29), promised_delivery=D(2027, 1, 31))
    )
    feedback = next(item for item in result.touchpoints if item.kind == "feedback")
    assert feedback.due_date == D(2027, 3, 1)  # 31 Jan + 1 month = Sun 28 Feb -> Mon 1 Mar


def test_late_delivery_moves_planned_touchpoints_and_bumps_sequence(
    planner: AppContext, ana: CustomerDTO
) -> None:
    sale = planner.sales.record(won(planner, ana)).sale
    thank_you = planner.agenda.touchpoints(customer_id=ana.id)[0]
    planner.touchpoints.done(thank_you.id, note="Sent by e-mail")
    updated = planner.sales.update_delivery(sale.id, delivered=D(2026, 12, 10))
    moved = {item.kind: item for item in updated.touchpoints if item.kind != "value_add"}
    assert moved["delivery_check"].due_date == D(2026, 12, 11)
    assert moved["delivery_check"].sequence == 1
    done = planner.touchpoints.get(thank_you.id)
    assert done.status == "done" and done.due_date == D(2026, 11, 20)
    again = planner.sales.update_delivery(sale.id, delivered=D(2026, 12, 10))
    assert schedule(again.touchpoints) == schedule(updated.touchpoints)
    assert [item.sequence for item in again.touchpoints] == [
        item.sequence for item in updated.touchpoints
    ]


def test_steps_waiting_for_a_delivery_date_appear_once_it_is_known(
    planner: AppContext, ana: CustomerDTO
) -> None:
    result = planner.sales.record(won(planner, ana, promised_delivery=None))
    assert schedule(result.touchpoints) == [("thank_you", D(2026, 11, 20))]
    updated = planner.sales.update_delivery(result.sale.id, promised=D(2026, 12, 1))
    kinds = [item.kind for item in updated.touchpoints]
    assert kinds.count("value_add") == 3 and "delivery_check" in kinds


def test_do_not_contact_customer_gets_nothing_and_a_reason(planner: AppContext) -> None:
    quiet = planner.customers.add(CustomerInput(name="Quiet Person", do_not_contact=True))
    result = planner.sales.record(
        SaleInput(customer_id=quiet.id, closed_on=D(2026, 11, 20), outcome="won")
    )
    assert result.touchpoints == ()
    assert result.skipped_reason and "not to be contacted" in result.skipped_reason
    assert planner.agenda.touchpoints(customer_id=quiet.id) == []


def test_one_touchpoint_a_day_and_the_minimum_gap_per_customer(
    planner: AppContext, ana: CustomerDTO
) -> None:
    planner.sales.record(won(planner, ana))
    planner.sales.record(won(planner, ana, description="A third forklift"))
    days = sorted(item.due_date for item in planner.agenda.touchpoints(customer_id=ana.id))
    gaps = [(later - earlier).days for earlier, later in itertools.pairwise(days)]
    assert min(gaps) >= 2


def test_invalid_sale_is_refused_and_nothing_is_written(
    planner: AppContext, ana: CustomerDTO
) -> None:
    from app.errors import KnownError

    for bad in (
        won(planner, ana, outcome="maybe"),
        won(planner, ana, amount="12,500.00"),
        won(planner, ana, promised_delivery=D(2026, 11, 1)),
        won(planner, ana, plan_name="No such plan"),
        won(planner, ana, customer_id=999),
    ):
        with pytest.raises(KnownError):
            planner.sales.record(bad)
    assert planner.sales.of_customer(ana.id) == []
