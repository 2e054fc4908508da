"""The early Today page read without SQLAlchemy matches the agenda service, or stands aside."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerInput
from app.dto.sales import SaleInput
from app.first_page import FirstAgenda
from app.startup_check import IntegrityCheck


def _open(path: Path, clock: FixedClock) -> FirstAgenda | None:
    return FirstAgenda.open(path, clock, IntegrityCheck.start(path))


def _book(context: AppContext) -> None:
    """Sales for a few customers, so that pages of two rows run out after a few turns."""
    for number, name in enumerate(("Ana Silva", "Bo Berg", "Cy Dunn")):
        customer = context.customers.add(CustomerInput(name=name, company=f"Firma {number}"))
        context.sales.record(
            SaleInput(
                customer_id=customer.id,
                closed_on=dt.date(2026, 11, 16 + number),
                outcome="won",
                description="Printer",
                promised_delivery=dt.date(2026, 11, 20),
            )
        )


def test_pages_match_the_agenda_service_row_for_row(
    context: AppContext, db_path: Path, clock: FixedClock
) -> None:
    _book(context)
    context.change_settings({"timezone": "Europe/Berlin"})
    end = context.agenda.today_date() + dt.timedelta(days=30)
    expected = context.agenda.page(end=end, limit=1000).rows
    assert len(expected) > 4
    source = _open(db_path, clock)
    assert source is not None
    try:
        assert source.zone().key == "Europe/Berlin"
        assert source.today_date() == context.agenda.today_date()
        seen: list[object] = []
        page = source.page(end=end, limit=2)
        while True:
            seen += page.rows
            if page.next_after is None:
                break
            page = source.page(end=end, after=page.next_after, limit=2)
        assert seen == list(expected)
    finally:
        source.close()


def test_the_zone_decides_what_today_is(context: AppContext, db_path: Path) -> None:
    context.change_settings({"timezone": "Pacific/Kiritimati"})  # UTC+14
    late_evening_utc = FixedClock(dt.datetime(2026, 11, 23, 20, 0, tzinfo=dt.UTC))
    source = _open(db_path, late_evening_utc)
    assert source is not None
    assert source.today_date() == dt.date(2026, 11, 24)
    source.close()


def test_a_new_file_takes_the_usual_path(tmp_path: Path, clock: FixedClock) -> None:
    assert _open(tmp_path / "new.sqlite3", clock) is None


@pytest.mark.parametrize(
    "change",
    [
        # An older schema: the usual path upgrades it first.
        "UPDATE alembic_version SET version_num = '0003'",
        # Settings that do not parse: the usual path says so clearly.
        "INSERT OR REPLACE INTO setting (key, value_json, updated_at)"
        " VALUES ('timezone', '{broken', '2026-11-23 09:00:00.000000')",
    ],
)
def test_an_unusual_file_takes_the_usual_path(
    context: AppContext, db_path: Path, clock: FixedClock, change: str
) -> None:
    _book(context)
    context.close()
    with sqlite3.connect(db_path) as db:
        db.execute(change)
    assert _open(db_path, clock) is None


def test_a_damaged_file_takes_the_usual_path(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(b"not a database at all " * 300)
    assert _open(path, clock) is None
