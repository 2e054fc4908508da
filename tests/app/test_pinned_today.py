"""FOLLOWUP_TODAY pins the date in the user's zone, whatever the zone's offset from UTC."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.clock import clock_from_environment, local_today
from app.context import build_context
from app.dto.customers import CustomerInput
from app.dto.sales import SaleInput
from app.first_page import FirstAgenda
from app.secrets import MemorySecretStore
from app.startup_check import IntegrityCheck

PINNED = dt.date(2026, 11, 2)  # a Monday
ZONES = ["Pacific/Honolulu", "Pacific/Pago_Pago", "UTC", "Europe/Berlin", "Pacific/Kiritimati"]


@pytest.mark.parametrize("zone", ZONES)
def test_today_and_now_fall_on_the_pinned_date_in_the_users_zone(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    monkeypatch.setenv("FOLLOWUP_TODAY", PINNED.isoformat())
    context = build_context(db_path, secrets=MemorySecretStore())
    try:
        context.change_settings({"timezone": zone})
        assert context.planning().today == PINNED
        assert context.agenda.today_date() == PINNED  # the sale dialog's default close date
        assert context.clock.now().astimezone(ZoneInfo(zone)).date() == PINNED
        ana = context.customers.add(CustomerInput(name="Ana"))
        assert ana.created_at.astimezone(ZoneInfo(zone)).date() == PINNED
        context.sales.record(SaleInput(ana.id, context.agenda.today_date(), "won"))
        [thank_you] = [
            t for t in context.agenda.touchpoints(customer_id=ana.id) if t.kind == "thank_you"
        ]
        assert thank_you.due_date == PINNED
    finally:
        context.close()


def test_the_early_today_page_uses_the_pinned_date_too(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOLLOWUP_TODAY", PINNED.isoformat())
    context = build_context(db_path, secrets=MemorySecretStore())
    context.change_settings({"timezone": "Pacific/Honolulu"})
    context.close()
    clock = clock_from_environment()
    assert local_today(clock, ZoneInfo("Pacific/Honolulu")) == PINNED
    first = FirstAgenda.open(db_path, clock, IntegrityCheck.start(db_path))
    assert first is not None
    try:
        assert first.today_date() == PINNED
    finally:
        first.close()
