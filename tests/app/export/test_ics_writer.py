"""write_calendar's contract: settings checked, events streamed, awkward values handled."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import datetime

import icalendar
import pytest

from app.export.ics_writer import write_calendar
from tests.app.export.samples import DTSTAMP, render, touchpoints, won_sale_plan


class _RecordingSink:
    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def write(self, data: bytes, /) -> int:
        self.chunks.append(data)
        return len(data)


def test_each_event_is_written_as_it_comes() -> None:
    sink = _RecordingSink()
    count = write_calendar(
        iter(won_sale_plan()),
        sink,
        calendar_name="x",
        tz_mode="local",
        tzid="Europe/Berlin",
        dtstamp=DTSTAMP,
    )
    assert count == 3
    assert len(sink.chunks) == 3 + 2  # header, one write per event, footer
    assert all(chunk.startswith(b"BEGIN:VEVENT\r\n") for chunk in sink.chunks[1:-1])
    assert b"".join(sink.chunks) == render(won_sale_plan(), "local", calendar_name="x")


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"tz_mode": "Local"}, "tz_mode"),
        ({"dtstamp": datetime(2026, 10, 1, 8, 0)}, "dtstamp"),
        ({"tzid": "Berlin"}, "time zone"),
        ({"tzid": "W. Europe Standard Time"}, "time zone"),
    ],
)
def test_bad_settings_are_refused_before_writing(settings: dict[str, object], message: str) -> None:
    arguments: dict[str, object] = {
        "calendar_name": "x",
        "tz_mode": "local",
        "tzid": "Europe/Berlin",
        "dtstamp": DTSTAMP,
    }
    arguments.update(settings)
    out = io.BytesIO()
    with pytest.raises(ValueError, match=message):
        write_calendar(won_sale_plan(), out, **arguments)  # type: ignore[arg-type]
    assert out.getvalue() == b""


def test_utc_mode_ignores_the_zone_name() -> None:
    data = render(touchpoints(), "utc", tzid="not used")
    assert b"TZID" not in data


def test_long_uid_is_folded_and_read_back() -> None:
    event = replace(touchpoints()[0], uid="u" * 255)
    data = render([event], "utc")
    assert b"\r\nUID:" + b"u" * 71 + b"\r\n " in data
    assert str(icalendar.Calendar.from_ical(data).walk("VEVENT")[0]["UID"]) == "u" * 255


def test_alarm_text_falls_back_when_the_summary_is_empty() -> None:
    event = replace(touchpoints()[0], summary="\x00")
    data = render([event], "utc")
    assert b"SUMMARY:\r\n" in data
    assert b"BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\r\nTRIGGER:-PT15M\r\n" in data


def test_long_summary_alarm_line_is_folded_too() -> None:
    event = replace(touchpoints()[0], summary="Rückruf " * 12)
    data = render([event], "utc")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    alarm = icalendar.Calendar.from_ical(data).walk("VALARM")[0]
    assert str(alarm["DESCRIPTION"]) == "Rückruf " * 12


def test_empty_optional_texts_are_left_out() -> None:
    event = replace(
        touchpoints()[0], description="\x00", location="\ufeff", url=" \t", categories=("", "\x0b")
    )
    parsed = icalendar.Calendar.from_ical(render([event], "utc")).walk("VEVENT")[0]
    assert not {"DESCRIPTION", "LOCATION", "URL", "CATEGORIES"} & set(parsed.keys())
    assert "SUMMARY" in parsed
