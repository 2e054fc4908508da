"""Splitting big exports into parts of at most ~1 MB, and safe file names."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from app.export.calendar_event import CalendarEvent
from app.export.ics_files import write_calendar_files
from app.export.safe_file_name import FALLBACK_NAME, safe_base_name
from tests.app.export.samples import BERLIN, DTSTAMP, EDITED, won_sale_plan

SETTINGS = {
    "calendar_name": "Alle Follow-ups",
    "tz_mode": "local",
    "tzid": "Europe/Berlin",
    "dtstamp": DTSTAMP,
}


def _many_events(count: int) -> list[CalendarEvent]:
    note = "Kundin möchte Rückruf; Angebot für Zubehör, Lieferung prüfen.\n" * 6
    first = datetime(2026, 1, 5, 9, 0, tzinfo=BERLIN)
    return [
        CalendarEvent(
            uid=f"split-{index:05d}@followup-planner",
            sequence=0,
            summary=f"Follow-up #{index}: Jürgen Müller",
            description=note,
            categories=("Follow-up",),
            start=first + timedelta(hours=7 * index),
            end=first + timedelta(hours=7 * index, minutes=15),
            status="CONFIRMED",
            transparent=False,
            alarm_minutes=15,
            last_modified=EDITED,
        )
        for index in range(count)
    ]


def test_3000_long_events_split_into_valid_parts_under_1_mb(tmp_path: Path) -> None:
    events = _many_events(3000)
    paths = write_calendar_files(events, tmp_path, "export", **SETTINGS)  # type: ignore[arg-type]
    assert len(paths) >= 2
    assert [p.name for p in paths] == [f"export-{i}.ics" for i in range(1, len(paths) + 1)]
    assert sorted(tmp_path.iterdir()) == sorted(paths)  # no temporary files left behind
    uids: Counter[str] = Counter()
    previous_end = datetime.min.replace(tzinfo=UTC)
    for path in paths:
        data = path.read_bytes()
        assert len(data) <= 1_000_000
        calendar = icalendar.Calendar.from_ical(data)
        assert len(calendar.walk("VTIMEZONE")) == 1
        part = calendar.walk("VEVENT")
        assert part, f"{path.name} holds no events"
        starts = [event.decoded("DTSTART") for event in part]
        assert previous_end < min(starts)  # consecutive, non-overlapping date ranges
        previous_end = max(starts)
        uids.update(str(event["UID"]) for event in part)
    assert set(uids) == {e.uid for e in events}
    assert set(uids.values()) == {1}


def test_parts_are_filled_close_to_the_limit(tmp_path: Path) -> None:
    paths = write_calendar_files(_many_events(3000), tmp_path, "x", 300_000, **SETTINGS)  # type: ignore[arg-type]
    sizes = [p.stat().st_size for p in paths]
    assert all(size <= 300_000 for size in sizes)
    assert all(size > 299_000 for size in sizes[:-1])  # an event is ~700 bytes


def test_a_small_export_is_one_file_named_after_the_base(tmp_path: Path) -> None:
    paths = write_calendar_files(won_sale_plan(), tmp_path, "Müller", **SETTINGS)  # type: ignore[arg-type]
    assert paths == [tmp_path / "Müller.ics"]
    assert len(icalendar.Calendar.from_ical(paths[0].read_bytes()).walk("VEVENT")) == 3


def test_no_events_still_gives_one_valid_calendar(tmp_path: Path) -> None:
    (path,) = write_calendar_files([], tmp_path, "empty", **SETTINGS)  # type: ignore[arg-type]
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert calendar.walk("VEVENT") == []
    assert path.read_bytes().endswith(b"END:VCALENDAR\r\n")


def test_a_limit_without_room_for_events_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no room"):
        write_calendar_files(won_sale_plan(), tmp_path, "x", 500, **SETTINGS)  # type: ignore[arg-type]


def test_failure_midway_leaves_no_files(tmp_path: Path) -> None:
    def events() -> object:
        yield from _many_events(50)
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_calendar_files(events(), tmp_path, "x", 10_000, **SETTINGS)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("export", "export"),
        ("export.ics", "export"),
        ("../../etc/passwd", "___etc_passwd"),
        ("a/b\\c", "a_b_c"),
        ("..", FALLBACK_NAME),
        ("", FALLBACK_NAME),
        ("  . ", FALLBACK_NAME),
        ("x..y", "x_y"),
        ("tab\there\x00nul", "tab_here_nul"),
        ('w<i>n:d"o|w?s*', "w_i_n_d_o_w_s_"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("Com1", "_Com1"),
        ("LPT²", "_LPT²"),
        ("console", "console"),
        ("trailing. ", "trailing"),
        ("Plan für Müller", "Plan für Müller"),
        ("plan\u202escl.exe", "plan_scl.exe"),
    ],
)
def test_safe_base_name(name: str, safe: str) -> None:
    assert safe_base_name(name) == safe


def test_safe_base_name_is_bounded_and_never_a_path() -> None:
    name = safe_base_name("ä" * 500 + "/x")
    assert len(name) <= 100
    assert "/" not in name and "\\" not in name
    assert Path(name).name == name


def test_exporting_again_leaves_only_this_exports_files(tmp_path: Path) -> None:
    """Stale parts of an earlier, bigger export would be imported twice; they are removed."""
    parts = write_calendar_files(_many_events(3000), tmp_path, "x", 300_000, **SETTINGS)  # type: ignore[arg-type]
    assert len(parts) >= 3
    mine = tmp_path / "x-99.ics"
    mine.write_text("my own notes, not a calendar\n", encoding="utf-8")
    other = tmp_path / "x-extra.ics"
    other.write_bytes(parts[0].read_bytes())  # not one of the part names: left alone
    fewer = write_calendar_files(_many_events(1000), tmp_path, "x", 300_000, **SETTINGS)  # type: ignore[arg-type]
    assert 2 <= len(fewer) < len(parts)
    assert sorted(tmp_path.iterdir()) == sorted([*fewer, mine, other])
    (single,) = write_calendar_files(won_sale_plan(), tmp_path, "x", **SETTINGS)  # type: ignore[arg-type]
    assert sorted(tmp_path.iterdir()) == sorted([single, mine, other])
    again = write_calendar_files(_many_events(1000), tmp_path, "x", 300_000, **SETTINGS)  # type: ignore[arg-type]
    assert sorted(tmp_path.iterdir()) == sorted([*again, mine, other])  # x.ics is gone too
