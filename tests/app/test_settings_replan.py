"""A calendar setting and the re-plan it causes are one transaction."""

from __future__ import annotations

import datetime as dt

import pytest

from app.context import AppContext
from app.dto.customers import CustomerDTO
from app.dto.sales import SaleInput
from app.services import replanning


def test_a_failing_replan_leaves_the_setting_as_it_was(
    planner: AppContext, ana: CustomerDTO, monkeypatch: pytest.MonkeyPatch
) -> None:
    planner.sales.record(SaleInput(ana.id, dt.date(2026, 11, 20), "won"))

    def broken(*_args: object) -> int:
        raise RuntimeError("power cut")

    monkeypatch.setattr(replanning, "replan", broken)
    with pytest.raises(RuntimeError):
        planner.change_settings({"working_days": "mon,wed,fri"})
    assert planner.settings.get().working_days == (0, 1, 2, 3, 4)
    # Run again once fixed: the change is still to do, so it re-plans.
    monkeypatch.undo()
    change = planner.change_settings({"working_days": "mon,wed,fri"})
    assert change.preferences.working_days == (0, 2, 4)
    assert change.moved and change.moved > 0
    planned = [t.due_date for t in planner.agenda.touchpoints(customer_id=ana.id) if not t.pinned]
    assert planned and all(day.weekday() in (0, 2, 4) for day in planned)
