"""Exporting the planner's touchpoints: stable UIDs, SEQUENCE on change, skipped left out."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest

from app.context import AppContext
from app.dto.customers import CustomerDTO
from app.dto.exports import IcsExportRequest
from app.dto.sales import SaleInput
from app.errors import ValidationError
from ui.main import main


def events_of(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def sold(planner: AppContext, ana: CustomerDTO) -> AppContext:
    planner.sales.record(
        SaleInput(
            customer_id=ana.id,
            closed_on=dt.date(2026, 11, 20),
            outcome="won",
            amount="12500",
            description="Two forklifts",
            promised_delivery=dt.date(2026, 12, 5),
        )
    )
    return planner


def test_export_twice_same_uids_and_snooze_bumps_sequence(sold: AppContext, tmp_path: Path) -> None:
    first = sold.calendar_export.export_ics(IcsExportRequest(tmp_path / "a"))
    again = sold.calendar_export.export_ics(IcsExportRequest(tmp_path / "b"))
    before, same = events_of(first.files[0]), events_of(again.files[0])
    assert before.keys() == same.keys() and first.events == len(before) == 8
    call = next(t for t in sold.agenda.touchpoints() if t.kind == "delivery_check")
    sold.touchpoints.snooze(call.id, days=3)
    after = events_of(sold.calendar_export.export_ics(IcsExportRequest(tmp_path / "c")).files[0])
    old, new = before[call.uid], after[call.uid]
    assert int(new["SEQUENCE"]) > int(old["SEQUENCE"])
    assert new.decoded("DTSTART") - old.decoded("DTSTART") == dt.timedelta(days=3)
    assert new.decoded("DTSTART").utcoffset() == dt.timedelta(hours=1)  # Berlin in winter
    assert "Phone: +49 170 1234567" in str(new["DESCRIPTION"])
    assert "Sale: Two forklifts, €12,500.00" in str(new["DESCRIPTION"])


def test_skipped_disappear_or_are_cancelled_on_request(sold: AppContext, tmp_path: Path) -> None:
    value_add = next(t for t in sold.agenda.touchpoints() if t.kind == "value_add")
    sold.touchpoints.skip(value_add.id, reason="Not relevant")
    plain = events_of(sold.calendar_export.export_ics(IcsExportRequest(tmp_path / "a")).files[0])
    assert value_add.uid not in plain
    flagged = sold.calendar_export.export_ics(
        IcsExportRequest(tmp_path / "b", include_cancelled=True)
    )
    cancelled = events_of(flagged.files[0])[value_add.uid]
    assert str(cancelled["STATUS"]) == "CANCELLED"


def test_privacy_kinds_and_range_filters(sold: AppContext, tmp_path: Path) -> None:
    private = sold.calendar_export.export_ics(IcsExportRequest(tmp_path / "a", details=False))
    for event in events_of(private.files[0]).values():
        assert "Dear" not in str(event.get("DESCRIPTION", ""))
    calls = sold.calendar_export.export_ics(
        IcsExportRequest(tmp_path / "b", kinds=("delivery_check",), start=dt.date(2026, 12, 1))
    )
    assert calls.events == 1
    with pytest.raises(ValidationError, match="unknown kind"):
        sold.calendar_export.export_ics(IcsExportRequest(tmp_path / "c", kinds=("party",)))


def test_cli_export_prints_events_and_files(
    sold: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.ics"
    sold.close()
    code = main(["--db", str(sold.db_path), "export", "ics", "--out", str(out), "--utc"])
    shown = json.loads(capsys.readouterr().out)
    assert code == 0 and shown == {"events": 8, "files": [str(out)]}
    text = out.read_bytes().decode()
    assert "VTIMEZONE" not in text and "DTSTART:20261207T090000Z" in text


@pytest.mark.parametrize("minutes", [999999999999999999999999, 40321, -1])
def test_a_reminder_beyond_four_weeks_is_refused_and_nothing_written(
    sold: AppContext, tmp_path: Path, minutes: int
) -> None:
    with pytest.raises(ValidationError, match="between 0 and 40320 minutes"):
        sold.calendar_export.export_ics(IcsExportRequest(tmp_path / "a", reminder_minutes=minutes))
    assert not (tmp_path / "a").exists()


def test_a_four_week_reminder_is_a_trigger_parsers_read(sold: AppContext, tmp_path: Path) -> None:
    done = sold.calendar_export.export_ics(IcsExportRequest(tmp_path, reminder_minutes=40320))
    events = events_of(done.files[0]).values()
    timed = next(e for e in events if isinstance(e.decoded("DTSTART"), dt.datetime))
    [alarm] = timed.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -dt.timedelta(weeks=4)
    # An all-day follow-up: four weeks before, at the start of the working day (09:00).
    all_day = next(e for e in events if not isinstance(e.decoded("DTSTART"), dt.datetime))
    [alarm] = all_day.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -dt.timedelta(weeks=4) + dt.timedelta(hours=9)


def test_cli_reminder_out_of_range_is_one_line(
    sold: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sold.close()
    out = tmp_path / "plan.ics"
    args = ["--db", str(sold.db_path), "export", "ics", "--out", str(out)]
    assert main([*args, "--reminder", "999999999999999999999999"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert "4 weeks" in captured.err and not out.exists()


def test_the_reminder_setting_is_bounded_to_four_weeks(planner: AppContext) -> None:
    assert planner.settings.set("reminder_minutes", "40320").reminder_minutes == 40320
    for text in ("40321", "999999999999999999999999", "-5"):
        with pytest.raises(ValidationError):
            planner.settings.set("reminder_minutes", text)
    assert planner.settings.get().reminder_minutes == 40320


def test_a_stored_reminder_out_of_range_falls_back_to_the_default(planner: AppContext) -> None:
    """An old database or an imported file may hold any number: it never reaches a TRIGGER."""
    from models.repositories import settings as repo

    with planner.sessions.begin() as session:
        repo.save(session, "reminder_minutes", 10**24)
    planner.settings.set_many({})  # drop the cache
    assert planner.settings.get().reminder_minutes == 15


def test_exporting_again_removes_stale_parts_and_says_so(
    sold: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.export.ics_files import write_calendar_files

    folder = tmp_path / "out"
    folder.mkdir()

    big = list(sold.calendar_export.events(IcsExportRequest(tmp_path))) * 40
    parts = write_calendar_files(
        big, folder, "plan", 20_000, calendar_name="x", tz_mode="utc", tzid="UTC",
        dtstamp=dt.datetime(2026, 11, 20, tzinfo=dt.UTC),
    )  # fmt: skip
    assert len(parts) >= 3
    sold.close()
    code = main(["--db", str(sold.db_path), "export", "ics", "--out", str(folder / "plan.ics")])
    shown = json.loads(capsys.readouterr().out)
    assert code == 0 and shown["files"] == [str(folder / "plan.ics")]
    assert shown["removed"] == [str(path) for path in parts]
    assert sorted(folder.iterdir()) == [folder / "plan.ics"]
