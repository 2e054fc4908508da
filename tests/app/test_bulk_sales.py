"""Bulk recording gives the same follow-ups as recording one by one, and cancels cleanly."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest

from app.context import AppContext
from app.dto.customers import CustomerInput
from app.dto.sales import SaleInput
from app.errors import NotFound
from app.progress import Cancelled, Progress
from app.rules.touchpoint_rows import batch_uids, new_uid
from app.scheduling.gaps import respects_gap
from app.services import bulk_sales

D = dt.date
UUID_SHAPED = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}@followup-planner"
)


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


def customer_inputs(count: int) -> Iterator[CustomerInput]:
    """Customers that differ in what planning reads: channel, key, cadence, birthday."""
    for n in range(count):
        yield CustomerInput(
            name=f"P{n}",
            channel=("email", "phone", "letter")[n % 3],
            birthday=("03-15", "", "12-02")[n % 3],
            is_key=n % 2 == 0,
            keep_in_touch_days=45 if n % 4 == 1 else None,
        )


def planned(planner: AppContext, customer_id: int) -> list[tuple[Any, ...]]:
    """Everything about a customer's planned touchpoints except ids and UIDs."""
    return [
        (t.kind, t.channel, t.due_date, t.due_at, t.status, t.sequence, t.pinned)
        for t in planner.agenda.touchpoints(customer_id=customer_id)
    ]


def test_bulk_equals_one_by_one(planner: AppContext) -> None:
    # Pairs of customers alike: the first of each pair in bulk, the second one by one.
    bulk_ids = [planner.customers.add(data).id for data in customer_inputs(8)]
    single_ids = [planner.customers.add(data).id for data in customer_inputs(8)]
    # Half the customers already have a sale, so the new one is planned around its dates.
    earlier = [
        SaleInput(customer_id=i, closed_on=D(2026, 11, 18), outcome="won", amount="5")
        for i in (*bulk_ids[::2], *single_ids[::2])
    ]
    for data in earlier:
        planner.sales.record(data)
    inputs = sales_for(bulk_ids)
    result = planner.bulk_sales.record_many(inputs)
    for data, customer_id in zip(inputs, single_ids, strict=True):
        planner.sales.record(SaleInput(**{**data.__dict__, "customer_id": customer_id}))

    assert result.sales == 8 and result.touchpoints > 30
    for bulk_id, single_id in zip(bulk_ids, single_ids, strict=True):
        assert planned(planner, bulk_id) == planned(planner, single_id)


def test_a_customers_sales_in_one_batch_keep_the_gap(planner: AppContext) -> None:
    ids = [planner.customers.add(CustomerInput(name=f"P{n}")).id for n in range(2)]
    sales = [
        SaleInput(
            customer_id=ids[n % 2],
            closed_on=D(2026, 11, 20),
            outcome="won",
            promised_delivery=D(2026, 12, 1),
        )
        for n in range(4)
    ]
    planner.bulk_sales.record_many(sales)
    for customer_id in ids:
        rows = planner.agenda.touchpoints(customer_id=customer_id)
        days = [t.due_date for t in rows if t.sale_id is not None]
        assert len(days) == 14  # two sales of seven steps, none on top of another
        for n, day in enumerate(days):
            assert respects_gap(day, days[:n] + days[n + 1 :], 2)


def test_batch_uids_are_unique_and_shaped_like_single_ones(planner: AppContext) -> None:
    ids = [planner.customers.add(data).id for data in customer_inputs(6)]
    planner.sales.record(sales_for(ids[:1])[0])
    planner.bulk_sales.record_many(sales_for(ids))
    planner.bulk_sales.record_many(sales_for(ids))
    uids = [t.uid for t in planner.agenda.touchpoints(statuses=("planned", "skipped"))]
    assert len(uids) > 60
    assert len(set(uids)) == len(uids)
    assert all(UUID_SHAPED.fullmatch(uid) for uid in uids)


def test_a_batchs_touchpoint_uids_count_up_in_the_order_written(planner: AppContext) -> None:
    ids = [planner.customers.add(data).id for data in customer_inputs(6)]
    planner.bulk_sales.record_many(sales_for(ids))
    rows = [t for t in planner.agenda.touchpoints() if t.sale_id is not None]
    uids = [t.uid for t in sorted(rows, key=lambda t: t.id)]
    assert len(uids) > 30 and len({uid[:24] for uid in uids}) == 1
    counters = [int(uid[24:36], 16) for uid in uids]
    assert counters == list(range(counters[0], counters[0] + len(uids)))


def test_batch_uids_count_up_in_order_from_a_random_start() -> None:
    first, second = batch_uids(), batch_uids()
    ones = [next(first) for _ in range(1000)]
    others = [next(second) for _ in range(1000)]
    # In order, so a batch lands next to itself in the UNIQUE index.
    assert ones == sorted(ones)
    assert len({*ones, *others, new_uid()}) == 2001
    assert all(UUID_SHAPED.fullmatch(uid) for uid in (*ones, *others))
    assert ones[0][:24] != others[0][:24]


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


def test_cancel_while_touchpoints_are_written_rolls_everything_back(
    planner: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Sales are planned while their touchpoints are inserted: cancel in the middle of that.
    monkeypatch.setattr(bulk_sales, "REPORT_EVERY", 2)
    ids = [planner.customers.add(CustomerInput(name=f"P{n}")).id for n in range(6)]
    before = planner.agenda.touchpoints()
    messages: list[str] = []

    def listen(_done: int, _total: int, message: str) -> None:
        messages.append(message)
        if message.startswith("Planning"):
            progress.cancel()

    progress = Progress(listen)
    with pytest.raises(Cancelled):
        planner.bulk_sales.record_many(sales_for(ids), progress)
    assert messages[-1].startswith("Planning")
    assert planner.agenda.touchpoints() == before
    assert all(planner.sales.of_customer(i) == [] for i in ids)
