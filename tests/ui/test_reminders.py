"""Reminders: due items are announced once, timed ones with the lead time, after a restart too."""

from __future__ import annotations

import datetime as dt

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerInput
from app.dto.sales import SaleInput
from ui.reminders import ReminderController


def test_each_due_touchpoint_is_announced_once(context: AppContext, clock: FixedClock) -> None:
    context.settings.set_many({"timezone": "Europe/Berlin", "reminder_minutes": "15"})
    clock.set(dt.datetime(2026, 12, 7, 7, 0, tzinfo=dt.UTC))  # Monday 08:00 in Berlin
    ana = context.customers.add(CustomerInput(name="Ana Silva", company="Acme"))
    sale = SaleInput(
        customer_id=ana.id,
        closed_on=dt.date(2026, 12, 7),
        outcome="won",
        promised_delivery=dt.date(2026, 12, 7),
    )
    context.sales.record(sale)
    call = next(t for t in context.agenda.touchpoints() if t.due_at is not None)
    assert call.due_at is not None
    shown: list[tuple[str, str]] = []
    reminders = ReminderController(context, lambda title, text: shown.append((title, text)))
    assert reminders.check() == 1  # the all-day thank-you; the call is days away
    assert "Thank-you note — Ana Silva (Acme)" in shown[0][1]
    assert reminders.check() == 0
    clock.set(call.due_at - dt.timedelta(minutes=20))
    assert reminders.check() == 0
    clock.set(call.due_at - dt.timedelta(minutes=14))  # inside the 15-minute lead time
    assert reminders.check() == 1
    assert shown[-1][1].startswith("10:00 · Delivery check call")
    restarted = ReminderController(context, lambda title, text: shown.append((title, text)))
    assert restarted.check() == 0
