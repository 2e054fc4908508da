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


@pytest.mark.parametrize(
    "values",
    [
        {"timezone": "America/New_York", "days_off": "2026-12-01,2026-12-02"},
        {"working_days": "tue,thu"},
        {"holiday_country": "none"},
    ],
)
def test_a_replan_never_hides_overdue_work(
    planner: AppContext, ana: CustomerDTO, clock: object, values: dict[str, str]
) -> None:
    """Issue #14: after a calendar change, overdue follow-ups stay overdue on their date."""
    from app.clock import FixedClock

    assert isinstance(clock, FixedClock)
    sold = planner.sales.record(SaleInput(ana.id, dt.date(2026, 10, 1), "won"))
    clock.set(clock.now() + dt.timedelta(days=21))
    today = planner.agenda.today_date()
    overdue = {
        row.id: (row.due_date, row.due_at)
        for row in planner.agenda.touchpoints(customer_id=ana.id)
        if row.status == "planned" and row.due_date < today
    }
    assert overdue, [(t.kind, t.due_date) for t in sold.touchpoints]
    count = planner.agenda.overdue_count()
    planner.change_settings(values)
    after = {row.id: (row.due_date, row.due_at) for row in planner.agenda.touchpoints()}
    assert {key: after.get(key) for key in overdue} == overdue
    assert planner.agenda.overdue_count() == count


def test_a_replan_keeps_overdue_check_ins_overdue(
    planner: AppContext, ana: CustomerDTO, clock: object
) -> None:
    """The symptom in issue #14: overdue check-ins became "Today" after a Settings save."""
    from app.clock import FixedClock

    assert isinstance(clock, FixedClock)
    [check_in] = [t for t in planner.agenda.touchpoints(customer_id=ana.id) if t.kind == "check_in"]
    clock.set(
        clock.now() + dt.timedelta(days=(check_in.due_date - planner.agenda.today_date()).days + 10)
    )
    assert planner.agenda.overdue_count() == 1
    planner.change_settings({"timezone": "Asia/Tokyo", "days_off": "2027-03-01"})
    [after] = [t for t in planner.agenda.touchpoints(customer_id=ana.id) if t.kind == "check_in"]
    assert (after.id, after.due_date) == (check_in.id, check_in.due_date)
    assert planner.agenda.overdue_count() == 1
