"""Promises: recovery when at risk (once), the buffer check, sales' delivery promises, records."""

from __future__ import annotations

import datetime as dt

import pytest

from app.clock import FixedClock
from app.context import AppContext
from app.dto.commitments import CommitmentInput
from app.dto.customers import CustomerDTO
from app.dto.sales import SaleInput
from app.errors import NotFound, ValidationError

D = dt.date
BERLIN = dt.timezone(dt.timedelta(hours=1))  # November: CET


def local(item_due_at: dt.datetime | None) -> dt.datetime:
    assert item_due_at is not None
    return item_due_at.astimezone(BERLIN)


def recovery_steps(planner: AppContext, commitment_id: int) -> dict[str, object]:
    recovery = planner.commitments.recovery(commitment_id)
    return {item.subject.split(" ")[0]: item for item in recovery.touchpoints}


def test_at_risk_on_friday_puts_manager_and_call_on_friday_and_the_email_after_the_call(
    planner: AppContext, ana: CustomerDTO
) -> None:
    promise = planner.commitments.add(
        CommitmentInput(ana.id, "Install the charging station", D(2026, 11, 27), buffer_days=2)
    )
    recovery = planner.commitments.at_risk(promise.id, note="Supplier is late")
    assert recovery.started and recovery.commitment.status == "at_risk"
    assert recovery.commitment.note == "Supplier is late"
    steps = {item.subject: item for item in recovery.touchpoints}
    assert all(
        item.kind == "recovery" and item.commitment_id == promise.id for item in steps.values()
    )
    manager = next(item for text, item in steps.items() if text.startswith("Alert your manager"))
    call = next(item for text, item in steps.items() if text.startswith("Call the customer"))
    email = next(item for text, item in steps.items() if text.startswith("Send the e-mail"))
    friday = D(2026, 11, 20)
    assert manager.due_date == call.due_date == friday
    assert local(manager.due_at) < local(call.due_at)
    assert call.channel == "phone" and email.channel == "email"
    assert local(email.due_at) > local(call.due_at)
    assert email.due_date <= D(2026, 11, 23)  # the next working day at the latest
    earliest = [item for item in steps.values() if item.subject.startswith(("Find out", "List"))]
    assert [item.due_date for item in earliest] == [friday, friday]
    assert {line.code for line in recovery.checklist if line.touchpoint_id == call.id} == {
        "call", "comfort", "apologise", "compensate"
    }  # fmt: skip
    # In the agenda, with the step as the title.
    agenda = planner.agenda.touchpoints(end=friday, customer_id=ana.id)
    assert any(item.title.startswith("Recovery step: Alert your manager") for item in agenda)


def test_marking_at_risk_again_does_not_plan_a_second_recovery(
    planner: AppContext, ana: CustomerDTO
) -> None:
    promise = planner.commitments.add(CommitmentInput(ana.id, "Quote", D(2026, 11, 30)))
    first = planner.commitments.at_risk(promise.id)
    again = planner.commitments.at_risk(promise.id, note="Still late")
    assert not again.started and len(again.touchpoints) == len(first.touchpoints) == 6


def test_buffer_running_out_starts_recovery_once(
    planner: AppContext, ana: CustomerDTO, clock: FixedClock
) -> None:
    promise = planner.commitments.add(
        CommitmentInput(ana.id, "Spare parts", D(2026, 11, 26), buffer_days=3)
    )
    assert planner.commitments.check_overdue() == []  # check day is the 23rd
    clock.set(dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC))
    assert planner.commitments.check_overdue() == []  # the buffer's last day itself is fine
    clock.set(dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC))
    assert planner.commitments.check_overdue() == [promise.id]
    assert planner.commitments.check_overdue() == []
    assert planner.commitments.get(promise.id).status == "at_risk"
    steps = planner.commitments.recovery(promise.id).touchpoints
    assert len(steps) == 6 and min(item.due_date for item in steps) == D(2026, 11, 24)


def test_kept_skips_what_is_left_of_the_recovery(planner: AppContext, ana: CustomerDTO) -> None:
    promise = planner.commitments.add(CommitmentInput(ana.id, "Quote", D(2026, 11, 30)))
    planner.commitments.at_risk(promise.id)
    kept = planner.commitments.kept(promise.id)
    assert kept.status == "kept" and kept.outcome == "kept"
    steps = planner.commitments.recovery(promise.id).touchpoints
    assert {item.status for item in steps} == {"skipped"}
    with pytest.raises(ValidationError, match="already kept"):
        planner.commitments.broken(promise.id)


def test_delivery_record_counts_kept_broken_and_recovered(
    planner: AppContext, ana: CustomerDTO
) -> None:
    ids = [
        planner.commitments.add(CommitmentInput(ana.id, f"Promise {n}", D(2026, 12, n))).id
        for n in range(1, 6)
    ]
    planner.commitments.kept(ids[0])
    planner.commitments.broken(ids[1])
    planner.commitments.at_risk(ids[2])
    assert planner.commitments.broken(ids[2]).outcome == "recovered"
    planner.commitments.at_risk(ids[3])
    record = planner.commitments.record(ana.id)
    assert (record.kept, record.broken, record.recovered, record.open, record.at_risk) == (
        1, 1, 1, 2, 1
    )  # fmt: skip
    assert planner.commitments.record() == record


def test_a_sale_with_promised_delivery_is_a_commitment_that_follows_the_sale(
    planner: AppContext, ana: CustomerDTO
) -> None:
    sale = planner.sales.record(
        SaleInput(ana.id, D(2026, 11, 20), "won", "12500", description="Two forklifts",
                  promised_delivery=D(2026, 12, 4))
    ).sale  # fmt: skip
    [promise] = planner.commitments.find(customer_id=ana.id)
    assert (promise.text, promise.due_on, promise.sale_id) == (
        "Deliver Two forklifts", D(2026, 12, 4), sale.id
    )  # fmt: skip
    planner.sales.update_delivery(sale.id, promised=D(2026, 12, 11))
    assert planner.commitments.get(promise.id).due_on == D(2026, 12, 11)
    planner.sales.update_delivery(sale.id, delivered=D(2026, 12, 10))
    assert planner.commitments.get(promise.id).status == "kept"
    # A lost sale promises nothing (it is refused a promised delivery): no new promise.
    lost = planner.sales.record(SaleInput(ana.id, D(2026, 11, 20), "lost"))
    assert lost.sale.id and len(planner.commitments.find(customer_id=ana.id)) == 1


def test_late_delivery_is_broken_or_recovered(planner: AppContext, ana: CustomerDTO) -> None:
    def sale(delivery: D) -> int:
        return planner.sales.record(
            SaleInput(ana.id, D(2026, 11, 20), "won", promised_delivery=delivery)
        ).sale.id

    late, rescued = sale(D(2026, 11, 25)), sale(D(2026, 11, 26))
    rescued_promise = next(p for p in planner.commitments.find() if p.sale_id == rescued)
    planner.commitments.at_risk(rescued_promise.id)
    planner.sales.update_delivery(late, delivered=D(2026, 11, 27))
    planner.sales.update_delivery(rescued, delivered=D(2026, 11, 27))
    outcomes = {p.sale_id: p.outcome for p in planner.commitments.find()}
    assert outcomes == {late: "broken", rescued: "recovered"}


def test_compensation_floor_is_budget_over_customers_won(
    planner: AppContext, ana: CustomerDTO
) -> None:
    assert planner.commitments.compensation(ana.id).floor_minor is None
    planner.settings.set_many({"marketing_budget": "5000", "customers_won": "50"})
    planner.sales.record(SaleInput(ana.id, D(2026, 11, 20), "won", "1200"))
    planner.sales.record(SaleInput(ana.id, D(2026, 11, 20), "won", "300.50"))
    guide = planner.commitments.compensation(ana.id)
    assert guide.floor_minor == 100_00 and guide.currency == "EUR"
    assert [(t.currency, t.amount_minor) for t in guide.customer_value] == [("EUR", 150050)]
    promise = planner.commitments.add(CommitmentInput(ana.id, "Quote", D(2026, 11, 30)))
    recovery = planner.commitments.at_risk(promise.id)
    assert recovery.compensation.floor_minor == 10000
    call = next(t for t in recovery.touchpoints if t.subject.startswith("Call"))
    body = planner.drafts.draft(call.id).body
    assert "€100.00" in body and "€1,500.50" in body and "Comfort" in body


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (CommitmentInput(99, "x", D(2026, 12, 1)), NotFound),
        (CommitmentInput(1, " \x00 ", D(2026, 12, 1)), ValidationError),
        (CommitmentInput(1, "x", D(2026, 12, 1), buffer_days=-1), ValidationError),
        (CommitmentInput(1, "x", D(2026, 12, 1), sale_id=42), NotFound),
    ],
)
def test_bad_commitments_write_nothing(
    planner: AppContext, ana: CustomerDTO, data: CommitmentInput, error: type[Exception]
) -> None:
    with pytest.raises(error):
        planner.commitments.add(data)
    assert planner.commitments.find() == []


def test_a_passed_delivery_is_asked_about_before_any_recovery(
    planner: AppContext, ana: CustomerDTO, clock: FixedClock
) -> None:
    """Four won sales past their promised delivery with nothing recorded used to put 32
    recovery steps on Today; the likelier truth is that nobody recorded the delivery."""
    sale = planner.sales.record(
        SaleInput(ana.id, D(2026, 11, 2), "won", description="Two forklifts",
                  promised_delivery=D(2026, 11, 16))
    ).sale  # fmt: skip
    assert planner.commitments.check_overdue() == []
    [asked] = planner.commitments.deliveries_to_confirm()
    assert (asked.sale_id, asked.text, asked.customer_name) == (
        sale.id,
        "Deliver Two forklifts",
        "Ana Silva",
    )
    assert not [t for t in planner.agenda.touchpoints() if t.kind == "recovery"]
    # Delivered on the promised day: kept, and nothing more to ask.
    planner.sales.update_delivery(sale.id, delivered=D(2026, 11, 16))
    assert planner.commitments.deliveries_to_confirm() == []
    assert planner.commitments.record(ana.id).kept == 1


def test_not_yet_delivered_starts_one_recovery_that_today_shows_as_one_row(
    planner: AppContext, ana: CustomerDTO
) -> None:
    planner.sales.record(
        SaleInput(ana.id, D(2026, 11, 2), "won", promised_delivery=D(2026, 11, 16))
    )
    [asked] = planner.commitments.deliveries_to_confirm()
    recovery = planner.commitments.at_risk(asked.id, "Truck broke down")
    steps = [t for t in planner.agenda.touchpoints() if t.commitment_id == asked.id]
    assert len(steps) == len(recovery.touchpoints) >= 6
    page = planner.agenda.page(end=D(2026, 12, 31)).rows
    shown = [t for t in page if t.commitment_id == asked.id]
    assert [t.id for t in shown] == [steps[0].id]  # the next step only
    draft = planner.drafts.draft(steps[0].id)
    assert [state for _text, state in draft.checklist] == ["now"] + ["later"] * (len(steps) - 1)
    before = planner.agenda.overdue_count()
    planner.touchpoints.done(steps[0].id)
    page = planner.agenda.page(end=D(2026, 12, 31)).rows
    assert [t.id for t in page if t.commitment_id == asked.id] == [steps[1].id]
    states = [state for _text, state in planner.drafts.draft(steps[1].id).checklist]
    assert states[:2] == ["done", "now"]
    assert planner.agenda.overdue_count() <= before
