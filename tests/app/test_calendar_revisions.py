"""SEQUENCE and LAST-MODIFIED follow every change a calendar user sees; all-day reminders
fire at the start of the working day, not the evening before."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import icalendar
import pytest

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerDTO
from app.dto.exports import IcsExportRequest
from app.dto.sales import SaleInput
from app.export.calendar_event import CalendarEvent


def export(context: AppContext, folder: Path) -> dict[str, icalendar.Event]:
    result = context.calendar_export.export_ics(IcsExportRequest(folder))
    calendar = icalendar.Calendar.from_ical(result.files[0].read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def sold(planner: AppContext, ana: CustomerDTO) -> AppContext:
    planner.sales.record(
        SaleInput(customer_id=ana.id, closed_on=dt.date(2026, 11, 20), outcome="won",
                  amount="12500", description="Two forklifts",
                  promised_delivery=dt.date(2026, 12, 5))
    )  # fmt: skip
    return planner


def _later(clock: FixedClock, hours: int) -> dt.datetime:
    clock.set(clock.now() + dt.timedelta(hours=hours))
    return clock.now()


def test_nothing_changed_nothing_moves(sold: AppContext, tmp_path: Path, clock: FixedClock) -> None:
    first = export(sold, tmp_path / "a")
    _later(clock, 2)
    again = export(sold, tmp_path / "b")
    for uid, event in first.items():
        assert again[uid]["SEQUENCE"] == event["SEQUENCE"]
        assert again[uid].decoded("LAST-MODIFIED") == event.decoded("LAST-MODIFIED")


def test_renaming_the_customer_moves_sequence_and_last_modified(
    sold: AppContext, ana: CustomerDTO, tmp_path: Path, clock: FixedClock
) -> None:
    first = export(sold, tmp_path / "a")
    changed_at = _later(clock, 3)
    sold.customers.update(ana.id, dataclasses.replace(ana.as_input(), name="Ana Silva-Costa"))
    after = export(sold, tmp_path / "b")
    for uid, event in first.items():
        assert "Ana Silva-Costa" in str(after[uid]["SUMMARY"])
        assert int(after[uid]["SEQUENCE"]) == int(event["SEQUENCE"]) + 1
        assert after[uid].decoded("LAST-MODIFIED") == changed_at
    # Seen once, counted once: a third export of the same content moves nothing.
    third = export(sold, tmp_path / "c")
    assert all(third[uid]["SEQUENCE"] == after[uid]["SEQUENCE"] for uid in after)


def test_a_new_phone_number_in_the_description_moves_sequence(
    sold: AppContext, ana: CustomerDTO, tmp_path: Path
) -> None:
    first = export(sold, tmp_path / "a")
    sold.customers.update(ana.id, dataclasses.replace(ana.as_input(), phone="+49 89 7654321"))
    after = export(sold, tmp_path / "b")
    assert all(int(after[uid]["SEQUENCE"]) > int(first[uid]["SEQUENCE"]) for uid in first)
    assert all("+49 89 7654321" in str(after[uid]["DESCRIPTION"]) for uid in first)


def test_a_snooze_counts_once_not_twice(sold: AppContext, tmp_path: Path) -> None:
    first = export(sold, tmp_path / "a")
    call = next(t for t in sold.agenda.touchpoints() if t.kind == "delivery_check")
    sold.touchpoints.snooze(call.id, days=3)
    after = export(sold, tmp_path / "b")
    assert int(after[call.uid]["SEQUENCE"]) == int(first[call.uid]["SEQUENCE"]) + 1


def _trigger(event: icalendar.Event) -> str:
    [alarm] = event.walk("VALARM")
    return alarm["TRIGGER"].to_ical().decode()


@pytest.mark.parametrize(("work_start", "trigger"), [("09:00", "PT9H"), ("08:30", "PT8H30M")])
def test_all_day_reminders_fire_at_the_start_of_the_working_day(
    sold: AppContext, tmp_path: Path, work_start: str, trigger: str
) -> None:
    sold.settings.set_many({"work_start": work_start})
    events = export(sold, tmp_path / "a")
    all_day = [e for e in events.values() if not isinstance(e.decoded("DTSTART"), dt.datetime)]
    timed = [e for e in events.values() if isinstance(e.decoded("DTSTART"), dt.datetime)]
    assert all_day and timed
    assert {_trigger(e) for e in all_day} == {trigger}
    assert {_trigger(e) for e in timed} == {"-PT15M"}


@pytest.mark.parametrize(
    ("minutes", "at", "trigger"),
    [(15, dt.time(9), "PT9H"), (0, dt.time(0), "PT0S"), (1440, dt.time(9), "-PT15H"),
     (40320, dt.time(8, 30), "-P27DT15H30M"), (2 * 1440 + 5, dt.time(10), "-P1DT14H")],
)  # fmt: skip
def test_all_day_triggers_are_durations_parsers_read(
    minutes: int, at: dt.time, trigger: str
) -> None:
    event = CalendarEvent(
        uid="a@b", sequence=0, summary="x", description="", categories=(),
        start=dt.date(2026, 12, 7), end=dt.date(2026, 12, 8), status="CONFIRMED",
        transparent=True, alarm_minutes=minutes, all_day_alarm=at,
        last_modified=dt.datetime(2026, 12, 7, tzinfo=dt.UTC),
    )  # fmt: skip
    assert event.trigger() == trigger
    parsed = icalendar.vDuration.from_ical(trigger)
    day_start = dt.timedelta(hours=at.hour, minutes=at.minute)
    assert parsed == day_start - dt.timedelta(days=minutes // 1440)
