"""Exports read back identically by icalendar, vobject and Radicale's item verifier."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from app.export.calendar_event import CalendarEvent
from app.export.ics_writer import TzMode
from tests.app.export.parsing import expected, with_icalendar, with_vobject
from tests.app.export.samples import EDITED, render, touchpoints, won_sale_plan

MODES: list[TzMode] = ["local", "utc"]


def _awkward_event() -> CalendarEvent:
    # 02:30 on 2026-10-25 happens twice in Berlin; this is the second (CET) pass.
    second_pass = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    return CalendarEvent(
        uid="awkward-1@followup-planner",
        sequence=4,
        summary="Ünïcödé; commas, \\backslashes\\ and\r\nbreaks \u2028 😀 שלום עולם",
        description=("Notiz: " + "ä€😀x" * 40 + "\n") * 3 + "\x00\x0b\x0c\ufeff\x85 end",
        categories=("a,b", "c;d", "e\\f"),
        start=second_pass,
        end=second_pass + timedelta(minutes=15),
        status="CANCELLED",
        transparent=False,
        alarm_minutes=0,
        last_modified=EDITED,
    )


def _events() -> list[CalendarEvent]:
    return [*won_sale_plan(), *touchpoints(), _awkward_event()]


@pytest.mark.parametrize("tz_mode", MODES)
def test_icalendar_reads_back_every_event(tz_mode: TzMode) -> None:
    events = _events()
    assert with_icalendar(render(events, tz_mode)) == [expected(e) for e in events]


@pytest.mark.parametrize("tz_mode", MODES)
def test_vobject_reads_back_every_event(tz_mode: TzMode) -> None:
    # vobject resolves TZID through our VTIMEZONE (not the IANA name), so this also checks
    # that the RRULE-based zone maps 10:00 CEST and 10:00 CET to the right instants.
    events = _events()
    assert with_vobject(render(events, tz_mode)) == [expected(e) for e in events]


def test_second_pass_of_a_repeated_hour_is_written_in_utc() -> None:
    data = render([_awkward_event()], "local")
    assert b"DTSTART:20261025T013000Z\r\n" in data
    assert b"DTEND:20261025T014500Z\r\n" in data


def test_categories_are_one_list_with_escaped_commas_inside_values() -> None:
    data = render([_awkward_event()], "utc")
    assert b"\r\nCATEGORIES:a\\,b,c\\;d,e\\\\f\r\n" in data
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert [str(c) for c in event["CATEGORIES"].cats] == ["a,b", "c;d", "e\\f"]


def _verify_with_radicale(paths: list[Path]) -> list[subprocess.CompletedProcess[str]]:
    # --config "" keeps any config on the machine out; one process per item, run together.
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", "", "--verify-item", str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in paths
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def test_radicale_accepts_each_event_as_its_own_item(tmp_path: Path) -> None:
    cases: list[tuple[CalendarEvent, TzMode]] = [
        (won_sale_plan()[0], "local"),
        (won_sale_plan()[1], "utc"),
        (touchpoints()[1], "local"),
        (_awkward_event(), "local"),
    ]
    paths = []
    for index, (event, mode) in enumerate(cases):
        path = tmp_path / f"item-{index}.ics"
        path.write_bytes(render([event], mode))
        paths.append(path)
    for result in _verify_with_radicale(paths):
        # Exit 0 alone is not enough proof: the last stage must also report success.
        assert result.returncode == 0, result.stderr
        assert "(radicale/prepare)" in result.stderr and "successful" in result.stderr
        assert "ERROR" not in result.stderr


def test_radicale_verifier_does_reject_a_broken_item(tmp_path: Path) -> None:
    # The control case: proves the verifier and our reading of its exit code can fail.
    path = tmp_path / "broken.ics"
    good = render([won_sale_plan()[0]], "utc")
    path.write_bytes(good.replace(b"DTSTART:20261020T080000Z", b"DTSTART:garbage"))
    (result,) = _verify_with_radicale([path])
    assert result.returncode == 1
    assert "Item verification failed" in result.stderr


def test_all_day_end_is_exclusive_next_day() -> None:
    event = won_sale_plan()[2]
    (parsed,) = with_icalendar(render([event], "local"))
    assert parsed[1] == date(2026, 11, 24)
    assert parsed[2] == date(2026, 11, 25)


def test_events_in_years_with_other_rules_are_written_in_utc() -> None:
    new_york = ZoneInfo("America/New_York")
    before_2007 = replace(
        touchpoints()[0],
        start=datetime(2006, 3, 20, 10, 0, tzinfo=new_york),  # DST began April 2 in 2006
        end=datetime(2006, 3, 20, 10, 15, tzinfo=new_york),
    )
    after_2007 = replace(
        before_2007,
        uid="later@followup-planner",
        start=datetime(2030, 3, 20, 10, 0, tzinfo=new_york),
        end=datetime(2030, 3, 20, 10, 15, tzinfo=new_york),
    )
    data = render([before_2007, after_2007], "local", tzid="America/New_York")
    assert b"DTSTART:20060320T150000Z\r\n" in data
    assert b"DTSTART;TZID=America/New_York:20300320T100000\r\n" in data
    events = [before_2007, after_2007]
    assert with_vobject(data) == [expected(e) for e in events]
