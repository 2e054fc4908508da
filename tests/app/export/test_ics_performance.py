"""Memory stays flat while streaming; speed is measured by make.py bench, not by tests."""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

from app.export.calendar_event import CalendarEvent
from app.export.ics_writer import write_calendar
from bench import ics_bench
from tests.app.export.samples import DTSTAMP, won_sale_plan


def test_bench_reports_its_figure() -> None:
    (figure,) = ics_bench.run()
    assert set(figure) == {"name", "value", "unit", "floor", "ratio"}
    assert figure["name"] == "ics_10k_s" and figure["unit"] == "s"
    value, floor, ratio = figure["value"], figure["floor"], figure["ratio"]
    assert isinstance(value, float) and isinstance(floor, float) and isinstance(ratio, float)
    assert abs(ratio - value / floor) < 1e-9


def test_floor_writes_exactly_the_same_bytes() -> None:
    # The floor is only a fair yardstick if it writes the same calendar.
    events = ics_bench.synthetic_events(500)
    real, floor = io.BytesIO(), io.BytesIO()
    ics_bench.real_writer(events, real)
    ics_bench.floor_writer(events, floor)
    assert real.getvalue().count(b"BEGIN:VEVENT") == 500
    assert floor.getvalue() == real.getvalue()


class _CountingSink:
    """Accepts bytes and keeps only their number."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, data: bytes, /) -> int:
        self.size += len(data)
        return len(data)


def _lazy_events(count: int) -> Iterator[CalendarEvent]:
    template = won_sale_plan()[0]
    for index in range(count):
        yield replace(
            template,
            uid=f"lazy-{index}@followup-planner",
            description=template.description * 3,
            start=template.start + timedelta(hours=index),
            end=template.end + timedelta(hours=index),
        )


def test_memory_stays_flat_while_streaming() -> None:
    sink = _CountingSink()
    write_calendar(
        _lazy_events(10),
        sink,
        calendar_name="warm",
        tz_mode="local",
        tzid="Europe/Berlin",
        dtstamp=DTSTAMP,
    )  # fill the VTIMEZONE cache first
    tracemalloc.start()
    try:
        write_calendar(
            _lazy_events(10_000),
            sink,
            calendar_name="Big",
            tz_mode="local",
            tzid="Europe/Berlin",
            dtstamp=DTSTAMP,
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sink.size > 6_000_000  # the file itself would be several MB ...
    assert peak < 300_000  # ... but only one event at a time is ever in memory
