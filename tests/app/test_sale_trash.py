"""Deleting a sale stops its open follow-ups; undo brings them back; history stays."""

from __future__ import annotations

import datetime as dt

import pytest

from app.context import AppContext
from app.dto.customers import CustomerDTO
from app.dto.sales import SaleInput
from app.errors import NotFound
from app.services.sale_trash import SaleTrashService


def test_delete_and_restore_a_sale(planner: AppContext, ana: CustomerDTO) -> None:
    trash = SaleTrashService(planner.sales._sessions, planner.planning)
    result = planner.sales.record(
        SaleInput(ana.id, dt.date(2026, 11, 20), "won", promised_delivery=dt.date(2026, 12, 5))
    )
    thank_you = result.touchpoints[0]
    planner.touchpoints.done(thank_you.id, note="Sent")
    planned = {t.id for t in planner.agenda.touchpoints(customer_id=ana.id) if t.sale_id}
    trash.delete(result.sale.id)
    assert planner.sales.of_customer(ana.id) == []
    assert not [t for t in planner.agenda.touchpoints(customer_id=ana.id) if t.sale_id]
    assert planner.touchpoints.get(thank_you.id).status == "done"  # history untouched
    with pytest.raises(NotFound):
        trash.delete(result.sale.id)
    trash.restore(result.sale.id)
    again = {t.id for t in planner.agenda.touchpoints(customer_id=ana.id) if t.sale_id}
    assert again == planned
    assert [s.id for s in planner.sales.of_customer(ana.id)] == [result.sale.id]
