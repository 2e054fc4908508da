"""Every committed write reaches the change feed as Changes; a failed one does not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.changes import TABLE_AREAS
from app.context import AppContext
from app.dto.changes import Area, Changes
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.sales import SaleInput
from app.errors import KnownError
from models.base import Base


@pytest.fixture
def heard(planner: AppContext) -> list[Changes]:
    seen: list[Changes] = []
    planner.changes.subscribe(seen.append)
    return seen


def _sale(planner: AppContext, customer: CustomerDTO) -> None:
    planner.sales.record(
        SaleInput(customer.id, dt.date(2026, 11, 19), "won", promised_delivery=dt.date(2026, 12, 1))
    )


def test_every_table_has_an_area() -> None:
    import models.all  # noqa: F401

    assert set(Base.metadata.tables) == set(TABLE_AREAS)


def test_a_new_customer_is_named(planner: AppContext, heard: list[Changes]) -> None:
    customer = planner.customers.add(CustomerInput(name="Bo Berg", email="bo@example.com"))
    assert heard[-1].touches(Area.CUSTOMERS)
    assert heard[-1].touches_customer(customer.id)
    assert not heard[-1].touches_customer(customer.id + 1)


def test_a_sale_touches_sales_and_touchpoints_of_its_customer(
    planner: AppContext, ana: CustomerDTO, heard: list[Changes]
) -> None:
    _sale(planner, ana)
    assert len(heard) == 1
    change = heard[0]
    assert change.touches(Area.SALES) and change.touches(Area.TOUCHPOINTS)
    assert change.touches_customer(ana.id)


def test_done_skip_snooze_each_report_the_touchpoint(
    planner: AppContext, ana: CustomerDTO, heard: list[Changes]
) -> None:
    _sale(planner, ana)
    first, second, third = planner.agenda.touchpoints(customer_id=ana.id)[:3]
    for act in (
        lambda: planner.touchpoints.done(first.id),
        lambda: planner.touchpoints.skip(second.id, "not needed"),
        lambda: planner.touchpoints.snooze(third.id, days=3),
    ):
        before = len(heard)
        act()
        assert len(heard) == before + 1
        assert heard[-1].touches(Area.TOUCHPOINTS)
        assert heard[-1].touches_customer(ana.id)


def test_settings_and_plans_are_areas(planner: AppContext, heard: list[Changes]) -> None:
    planner.settings.set_many({"my_name": "Sam S."})
    assert heard[-1].areas == {Area.SETTINGS}
    key = next(plan.builtin_key for plan in planner.plans.all() if plan.builtin_key)
    planner.plans.restore_builtin(key)
    assert heard[-1].touches(Area.PLANS)


def test_a_re_plan_names_every_customer_it_moved(
    planner: AppContext, ana: CustomerDTO, heard: list[Changes]
) -> None:
    bo = planner.customers.add(CustomerInput(name="Bo Berg", email="bo@example.com"))
    for customer in (ana, bo):
        _sale(planner, customer)
    heard.clear()
    moved = planner.change_settings({"working_days": "tue,wed,thu"})
    assert moved.moved
    assert heard[-1].touches(Area.SETTINGS) and heard[-1].touches(Area.TOUCHPOINTS)
    assert heard[-1].touches_customer(ana.id) and heard[-1].touches_customer(bo.id)


def test_an_import_marks_every_customer(
    planner: AppContext, tmp_path: Path, heard: list[Changes]
) -> None:
    # The import writes customers through a raw cursor: it cannot name them, so it says "all".
    source = tmp_path / "people.csv"
    source.write_text("Name,E-mail\nPat Lee,pat@example.com\nKim Ray,kim@example.com\n")
    planner.importing.run(planner.importing.preview(source), "skip")
    assert heard[-1].touches(Area.CUSTOMERS)
    assert heard[-1].all_customers


def test_a_refused_change_publishes_nothing(planner: AppContext, heard: list[Changes]) -> None:
    with pytest.raises(KnownError):
        planner.customers.add(CustomerInput(name=""))
    with pytest.raises(KnownError):
        planner.touchpoints.done(10**9)
    assert heard == []


def test_reads_publish_nothing(planner: AppContext, ana: CustomerDTO, heard: list[Changes]) -> None:
    planner.agenda.touchpoints()
    planner.customers.count()
    planner.timeline.timeline(ana.id)
    assert heard == []


def test_a_failing_listener_does_not_undo_the_change(planner: AppContext) -> None:
    def broken(_changes: Changes) -> None:
        raise RuntimeError("screen bug")

    planner.changes.subscribe(broken)
    customer = planner.customers.add(CustomerInput(name="Bo Berg", email="bo@example.com"))
    assert planner.customers.get(customer.id).name == "Bo Berg"


def test_unsubscribed_listeners_hear_nothing(planner: AppContext) -> None:
    seen: list[Changes] = []
    stop = planner.changes.subscribe(seen.append)
    stop()
    planner.customers.add(CustomerInput(name="Bo Berg", email="bo@example.com"))
    assert seen == []
