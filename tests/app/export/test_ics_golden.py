"""Golden files: the exact bytes of known exports (set UPDATE_GOLDEN=1 to rewrite them)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from app.export.calendar_event import CalendarEvent
from app.export.ics_writer import TzMode
from tests.app.export.samples import render, touchpoints, won_sale_plan

GOLDEN = Path(__file__).parent / "golden"
CASES: list[tuple[str, Callable[[], list[CalendarEvent]], TzMode]] = [
    ("won_sale_plan_local", won_sale_plan, "local"),
    ("won_sale_plan_utc", won_sale_plan, "utc"),
    ("touchpoints_local", touchpoints, "local"),
    ("touchpoints_utc", touchpoints, "utc"),
]


@pytest.mark.parametrize(("name", "events", "tz_mode"), CASES, ids=[c[0] for c in CASES])
def test_export_matches_golden_bytes(
    name: str, events: Callable[[], list[CalendarEvent]], tz_mode: TzMode
) -> None:
    golden = GOLDEN / f"{name}.ics"
    produced = render(events(), tz_mode)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_bytes(produced)
    assert produced == golden.read_bytes()


def test_goldens_are_crlf_utf8_without_bom() -> None:
    files = sorted(GOLDEN.glob("*.ics"))
    assert len(files) == len(CASES)
    for path in files:
        data = path.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf")
        data.decode("utf-8")
        assert data.endswith(b"END:VCALENDAR\r\n")
        assert data.count(b"\n") == data.count(b"\r\n") == data.count(b"\r")


def test_local_plan_crosses_dst_with_wall_clock_times() -> None:
    text = (GOLDEN / "won_sale_plan_local.ics").read_bytes().decode("utf-8")
    # Both visits are at 10:00 Berlin time, one in CEST and one in CET.
    assert "DTSTART;TZID=Europe/Berlin:20261020T100000\r\n" in text
    assert "DTSTART;TZID=Europe/Berlin:20261103T100000\r\n" in text
    assert "DTSTART;VALUE=DATE:20261124\r\nDTEND;VALUE=DATE:20261125\r\n" in text
    assert text.count("BEGIN:VTIMEZONE") == 1
    assert "X-WR-TIMEZONE:Europe/Berlin\r\n" in text


def test_utc_plan_has_utc_times_and_no_timezone() -> None:
    text = (GOLDEN / "won_sale_plan_utc.ics").read_bytes().decode("utf-8")
    assert "DTSTART:20261020T080000Z\r\n" in text  # 10:00 CEST
    assert "DTSTART:20261103T090000Z\r\n" in text  # 10:00 CET
    assert "VTIMEZONE" not in text
    assert "TZID" not in text
    assert "X-WR-TIMEZONE" not in text
