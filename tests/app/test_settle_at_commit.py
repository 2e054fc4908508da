"""Keep-in-touch is settled once per touched customer, as the unit of work commits."""

from __future__ import annotations

import datetime as dt

import pytest

from app.context import AppContext
from app.dto.customers import CustomerDTO
from app.dto.sales import SaleInput
from app.rules import keep_in_touch, kit_settle
from models.customer import Customer


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """The customers of each keep-in-touch refresh, in order."""
    seen: list[list[int]] = []
    real = keep_in_touch.refresh_customers

    def counted(session, customers, ctx):  # type: ignore[no-untyped-def]
        seen.append(sorted(customer.id for customer in customers))
        return real(session, customers, ctx)

    monkeypatch.setattr(keep_in_touch, "refresh_customers", counted)
    return seen


def test_a_sale_settles_its_customer_once(
    planner: AppContext, ana: CustomerDTO, calls: list[list[int]]
) -> None:
    planner.sales.record(SaleInput(ana.id, dt.date(2026, 11, 19), "won"))
    assert calls == [[ana.id]]


def test_several_changes_in_one_unit_of_work_settle_once_before_commit(
    planner: AppContext, ana: CustomerDTO, calls: list[list[int]]
) -> None:
    ctx = planner.planning()
    with planner.sessions.begin() as session:
        row = session.get(Customer, ana.id)
        assert row is not None
        kit_settle.settle_customer(session, row, ctx)
        row.keep_in_touch_days = 30
        kit_settle.settle_customer(session, row, ctx)
        assert calls == []  # nothing yet: the unit of work is still open
    assert calls == [[ana.id]]
    check_ins = [
        item for item in planner.agenda.touchpoints(customer_id=ana.id) if item.kind == "check_in"
    ]
    # Settled with the last state: the 30-day cadence.
    assert check_ins and check_ins[0].due_date <= planner.planning().today + dt.timedelta(days=32)


def test_a_rolled_back_unit_of_work_settles_nothing(
    planner: AppContext, ana: CustomerDTO, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    monkeypatch.setattr(keep_in_touch, "refresh_customers", lambda *args: calls.append(args))
    ctx = planner.planning()
    with pytest.raises(RuntimeError), planner.sessions.begin() as session:
        row = session.get(Customer, ana.id)
        kit_settle.settle_customer(session, row, ctx)  # type: ignore[arg-type]
        raise RuntimeError("refused")
    assert calls == []
