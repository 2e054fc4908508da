"""A customer's timeline: every sale, contact and promise in one list, to-dos apart from history."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy.orm import Session

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.sales import SaleInput
from app.dto.timeline import PAST, UPCOMING, MoneyTotal, TimelineEntry
from app.errors import NotFound
from models.commitment import Commitment

D = dt.date


def won(customer: CustomerDTO, **changes: object) -> SaleInput:
    fields: dict[str, object] = {
        "customer_id": customer.id,
        "closed_on": D(2026, 11, 20),
        "outcome": "won",
        "amount": "12500",
        "description": "Two forklifts",
        "promised_delivery": D(2026, 12, 5),
    }
    fields.update(changes)
    return SaleInput(**fields)  # type: ignore[arg-type]


def add_commitment(planner: AppContext, customer_id: int, **fields: object) -> int:
    with Session(planner.engine) as session, session.begin():
        row = Commitment(customer_id=customer_id, **fields)
        session.add(row)
        session.flush()
        return row.id


def keys(entries: tuple[TimelineEntry, ...]) -> list[tuple[dt.date, dt.time]]:
    return [(entry.when, entry.time or dt.time.min) for entry in entries]


def test_everything_about_a_customer_in_one_list(planner: AppContext, ana: CustomerDTO) -> None:
    sale = planner.sales.record(won(ana)).sale
    planner.sales.record(won(ana, amount="999.99", currency="usd", description="Spare parts"))
    third = won(ana, outcome="lost", amount="5000", description="Third forklift")
    planner.sales.record(dataclasses.replace(third, promised_delivery=None))
    thank_you = planner.agenda.touchpoints(customer_id=ana.id)[0]
    planner.touchpoints.done(thank_you.id, note="Sent by e-mail")
    planner.interactions.add(ana.id, "Called about financing", channel="phone")
    promise = add_commitment(
        planner, ana.id, text="Send the service contract", due_on=D(2026, 11, 27), buffer_days=2
    )

    timeline = planner.timeline.timeline(ana.id)

    assert timeline.customer.name == "Ana Silva" and timeline.today == D(2026, 11, 20)
    assert timeline.totals.won == 2 and timeline.totals.lost == 1
    assert timeline.totals.won_amounts == (MoneyTotal("EUR", 1_250_000), MoneyTotal("USD", 99_999))
    assert timeline.totals.last_contact == dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)
    assert timeline.entries == timeline.upcoming + timeline.past
    assert keys(timeline.upcoming) == sorted(keys(timeline.upcoming))
    assert keys(timeline.past) == sorted(keys(timeline.past), reverse=True)

    planned = planner.agenda.touchpoints(customer_id=ana.id)
    assert timeline.totals.planned == len(planned)
    upcoming_touchpoints = [e.source_id for e in timeline.upcoming if e.source == "touchpoint"]
    assert sorted(upcoming_touchpoints) == sorted(item.id for item in planned)
    check = next(e for e in timeline.upcoming if e.kind == "delivery_check")
    # 10:00 on the user's wall clock, not the stored UTC instant.
    assert check.time == dt.time(10, 0) and check.channel == "phone" and check.sale_id == sale.id
    open_promise = next(e for e in timeline.upcoming if e.source == "commitment")
    assert (open_promise.source_id, open_promise.status) == (promise, "on_track")
    assert open_promise.detail == "Send the service contract" and open_promise.buffer_days == 2

    past = {(e.source, e.status, e.detail) for e in timeline.past}
    assert ("sale", "won", "Two forklifts") in past
    assert ("sale", "lost", "Third forklift") in past
    assert ("touchpoint", "done", "Sent by e-mail") in past
    assert ("interaction", "", "Called about financing") in past
    # Completing the thank-you logged an interaction; the timeline shows that contact once.
    assert len(timeline.past) == 5
    first_sale = next(e for e in timeline.past if e.source_id == sale.id and e.source == "sale")
    assert first_sale.amount_minor == 1_250_000 and first_sale.currency == "EUR"
    assert first_sale.promised_delivery == D(2026, 12, 5) and first_sale.actual_delivery is None


def test_overdue_items_lead_the_upcoming_section(
    planner: AppContext, ana: CustomerDTO, clock: FixedClock
) -> None:
    planner.sales.record(won(ana))
    add_commitment(planner, ana.id, text="Call back", due_on=D(2026, 12, 1))
    clock.set(dt.datetime(2026, 12, 9, 8, 0, tzinfo=dt.UTC))
    timeline = planner.timeline.timeline(ana.id)
    overdue = [e for e in timeline.upcoming if e.overdue]
    assert [(e.kind or e.source, e.when) for e in overdue] == [
        ("thank_you", D(2026, 11, 20)),
        ("commitment", D(2026, 12, 1)),
        # The sale's promised delivery is a commitment too.
        ("commitment", D(2026, 12, 5)),
        ("delivery_check", D(2026, 12, 7)),
    ]
    assert timeline.upcoming[: len(overdue)] == tuple(overdue)
    assert all(e.section == UPCOMING for e in overdue)


def test_kept_promises_skipped_touchpoints_and_a_quiet_customer_are_history(
    planner: AppContext, ana: CustomerDTO
) -> None:
    kept = add_commitment(
        planner,
        ana.id,
        text="Demo unit by Monday",
        due_on=D(2026, 11, 16),
        status="kept",
        resolved_at=dt.datetime(2026, 11, 13, 15, 0, tzinfo=dt.UTC),
    )
    check_in = planner.agenda.touchpoints(customer_id=ana.id)[0]
    planner.touchpoints.skip(check_in.id, reason="On holiday")
    timeline = planner.timeline.timeline(ana.id)
    by_source = {(e.source, e.source_id): e for e in timeline.past}
    assert by_source["commitment", kept].when == D(2026, 11, 13)
    assert by_source["commitment", kept].section == PAST
    skipped = by_source["touchpoint", check_in.id]
    assert (skipped.status, skipped.detail, skipped.kind) == ("skipped", "On holiday", "check_in")

    quiet = planner.customers.update(
        ana.id, CustomerInput(name="Ana Silva", company="Acme", do_not_contact=True)
    )
    timeline = planner.timeline.timeline(quiet.id)
    assert timeline.customer.do_not_contact
    assert not [e for e in timeline.upcoming if e.source == "touchpoint"]
    assert timeline.totals == timeline.totals.__class__(0, 0, (), 0, None)


def test_missing_or_deleted_customer_has_no_timeline(planner: AppContext, ana: CustomerDTO) -> None:
    with pytest.raises(NotFound):
        planner.timeline.timeline(9999)
    planner.customers.delete(ana.id)
    with pytest.raises(NotFound):
        planner.timeline.timeline(ana.id)
