"""Do not contact: every planned follow-up stops (skipped, with the reason) and comes back."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.exports import IcsExportRequest
from app.dto.sales import SaleInput
from app.rules.do_not_contact import DNC_REASON
from app.services.sale_trash import SaleTrashService

SALE_KINDS = {"thank_you", "delivery_check", "value_add", "feedback", "referral_ask"}


def flagged(ana: CustomerDTO, flag: bool) -> CustomerInput:
    return CustomerInput(
        name=ana.name, email=ana.email, phone=ana.phone, birthday="1980-03-14",
        channel=ana.channel, do_not_contact=flag,
    )  # fmt: skip


def sold(planner: AppContext, ana: CustomerDTO) -> None:
    planner.customers.update(ana.id, flagged(ana, False))
    planner.sales.record(
        SaleInput(ana.id, dt.date(2026, 11, 20), "won", promised_delivery=dt.date(2026, 12, 5))
    )


def kinds(planner: AppContext, customer_id: int, status: str = "planned") -> set[str]:
    rows = planner.agenda.touchpoints(customer_id=customer_id, statuses=(status,))
    return {row.kind for row in rows}


def test_do_not_contact_stops_a_sales_follow_ups_too(planner: AppContext, ana: CustomerDTO) -> None:
    sold(planner, ana)
    assert SALE_KINDS & kinds(planner, ana.id)
    planner.customers.update(ana.id, flagged(ana, True))
    assert planner.agenda.touchpoints(customer_id=ana.id) == []
    skipped = planner.agenda.touchpoints(customer_id=ana.id, statuses=("skipped",))
    assert {"thank_you", "delivery_check", "birthday", "check_in"} <= {r.kind for r in skipped}
    assert all(row.skip_reason == DNC_REASON for row in skipped)


def test_nothing_of_a_do_not_contact_customer_goes_into_the_ics(
    planner: AppContext, ana: CustomerDTO, tmp_path: Path
) -> None:
    sold(planner, ana)
    planner.customers.update(ana.id, flagged(ana, True))
    result = planner.calendar_export.export_ics(IcsExportRequest(tmp_path, customer_id=ana.id))
    assert result.events == 0


def test_lifting_the_flag_brings_back_what_it_stopped_on_today_or_later(
    planner: AppContext, ana: CustomerDTO, clock: FixedClock
) -> None:
    sold(planner, ana)
    by_hand = next(
        t for t in planner.agenda.touchpoints(customer_id=ana.id) if t.kind == "feedback"
    )
    planner.touchpoints.skip(by_hand.id, reason="They said no surveys")
    before = {t.uid: t for t in planner.agenda.touchpoints(customer_id=ana.id)}
    planner.customers.update(ana.id, flagged(ana, True))
    # Weeks later the customer is happy to hear from us again.
    clock.set(dt.datetime(2026, 12, 15, 8, 0, tzinfo=dt.UTC))
    planner.customers.update(ana.id, flagged(ana, False))
    back = planner.agenda.touchpoints(customer_id=ana.id)
    assert {t.uid for t in back} >= set(before)  # the same follow-ups, calendar identity kept
    assert all(t.due_date >= dt.date(2026, 12, 15) for t in back)
    assert all(t.due_date.weekday() < 5 for t in back)
    still = planner.touchpoints.get(by_hand.id)
    assert (still.status, still.skip_reason) == ("skipped", "They said no surveys")


def test_a_restored_sale_of_a_do_not_contact_customer_plans_nothing(
    planner: AppContext, ana: CustomerDTO
) -> None:
    sold(planner, ana)
    [sale] = planner.sales.of_customer(ana.id)
    trash = SaleTrashService(planner.sessions, planner.planning)
    trash.delete(sale.id)
    planner.customers.update(ana.id, flagged(ana, True))
    trash.restore(sale.id)
    assert planner.agenda.touchpoints(customer_id=ana.id) == []
    # Lifting the flag now brings the sale's follow-ups back.
    planner.customers.update(ana.id, flagged(ana, False))
    assert "thank_you" in kinds(planner, ana.id)


def test_a_deleted_sale_stays_stopped_when_the_flag_is_lifted(
    planner: AppContext, ana: CustomerDTO
) -> None:
    sold(planner, ana)
    [sale] = planner.sales.of_customer(ana.id)
    trash = SaleTrashService(planner.sessions, planner.planning)
    planner.customers.update(ana.id, flagged(ana, True))
    trash.delete(sale.id)
    planner.customers.update(ana.id, flagged(ana, False))
    assert not SALE_KINDS & kinds(planner, ana.id)


def test_untouched_flag_leaves_skips_alone(planner: AppContext, ana: CustomerDTO) -> None:
    sold(planner, ana)
    planner.customers.update(ana.id, flagged(ana, True))
    skipped = len(planner.agenda.touchpoints(customer_id=ana.id, statuses=("skipped",)))
    planner.customers.update(ana.id, dataclasses.replace(flagged(ana, True), company="New Co"))
    assert planner.agenda.touchpoints(customer_id=ana.id) == []
    assert len(planner.agenda.touchpoints(customer_id=ana.id, statuses=("skipped",))) == skipped
