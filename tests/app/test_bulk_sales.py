"""Bulk recording gives the same follow-ups as recording one by one, and cancels cleanly."""

from __future__ import annotations

import datetime as dt

import pytest

from app.context import AppContext
from app.dto.customers import CustomerInput
from app.dto.sales import SaleInput
from app.errors import NotFound
from app.progress import Cancelled, Progress

D = dt.date


def sales_for(ids: list[int]) -> list[SaleInput]:
    return [
        SaleInput(
            customer_id=customer_id,
            closed_on=D(2026, 11, 16 + number % 5),
            outcome="won" if number % 3 else "lost",
            amount="100",
            promised_delivery=D(2026, 12, 1 + number % 9) if number % 3 else None,
        )
        for number, customer_id in enumerate(ids)
    ]


def test_bulk_equals_one_by_one(planner: AppContext) -> None:
    ids = [
        planner.customers.add(CustomerInput(name=f"P{n}", birthday="03-15")).id for n in range(12)
    ]
    inputs = sales_for(ids)
    # Same sale shapes for customers 0-5 (in bulk) and 6-11 (one by one).
    paired = inputs[:6] + [
        SaleInput(**{**data.__dict__, "customer_id": ids[6 + n]})
        for n, data in enumerate(inputs[:6])
    ]
    result = planner.bulk_sales.record_many(paired[:6])
    for data in paired[6:]:
        planner.sales.record(data)

    def shape(customer_id: int) -> list[tuple[str, dt.date]]:
        return [(t.kind, t.due_date) for t in planner.agenda.touchpoints(customer_id=customer_id)]

    assert result.sales == 6 and result.touchpoints > 20
    for bulk_id, single_id in zip(ids[:6], ids[6:], strict=True):
        assert shape(bulk_id) == shape(single_id)


def test_cancel_rolls_everything_back(planner: AppContext) -> None:
    ids = [planner.customers.add(CustomerInput(name=f"P{n}")).id for n in range(3)]
    before = planner.agenda.touchpoints()
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        planner.bulk_sales.record_many(sales_for(ids), progress)
    assert planner.agenda.touchpoints() == before
    assert all(planner.sales.of_customer(i) == [] for i in ids)
    with pytest.raises(NotFound):
        planner.bulk_sales.record_many(sales_for([*ids, 999]))
    assert all(planner.sales.of_customer(i) == [] for i in ids)
