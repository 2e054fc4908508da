"""Property test: hostile user text still gives a parseable, well-formed, faithful file."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import icalendar
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.export.calendar_event import CalendarEvent
from app.export.ics_text import clean_text, uri_value
from app.export.ics_writer import TzMode
from tests.app.export.samples import BERLIN, EDITED, render

SPECIALS = [
    "\r\n",
    "\r",
    "\n",
    ";",
    ",",
    "\\",
    ":",
    '"',
    "'",
    "\\n",
    "\\,",
    "=",
    "\t",
    " ",
    "😀",
    "👩‍👩‍👧",
    "ä",
    "€",
    "שלום",
    "مرحبا",
    "\u202e",
    "\u200f",  # emoji, right-to-left
    "\x00",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9f",  # C0, DEL, C1
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ud800",
    "\udfff",  # separators, BOM, lone surrogates
    "BEGIN:VEVENT",
    "X-EVIL:1",
    "END:VCALENDAR",
]
# st.characters() covers all of Unicode except surrogates; SPECIALS adds the nasty bits.
short_text = st.lists(st.one_of(st.characters(), st.sampled_from(SPECIALS)), max_size=40).map(
    "".join
)
long_note = short_text.map(lambda text: ((text or "x") * 10_000)[:10_000])
note = st.one_of(short_text, long_note)
moment = st.sampled_from(
    [
        datetime(2026, 3, 29, 1, 30, tzinfo=UTC),  # Berlin springs forward at this instant
        datetime(2026, 7, 1, 8, 0, tzinfo=BERLIN),
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # first 02:30 of the repeated hour
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # second 02:30
        date(2026, 11, 24),
    ]
)


@st.composite
def events(draw: st.DrawFn) -> CalendarEvent:
    start = draw(moment)
    end = start + (timedelta(days=1) if not isinstance(start, datetime) else timedelta(hours=1))
    return CalendarEvent(
        uid="prop-1@followup-planner",
        sequence=draw(st.integers(0, 10_000)),
        summary=draw(short_text),
        description=draw(note),
        categories=tuple(draw(st.lists(short_text, max_size=4))),
        start=start,
        end=end,
        status=draw(st.sampled_from(["CONFIRMED", "CANCELLED"])),
        transparent=draw(st.booleans()),
        alarm_minutes=draw(st.one_of(st.none(), st.integers(0, 40_000))),
        last_modified=EDITED,
        location=draw(note),
        url=draw(short_text),
    )


def _expected_names(event: CalendarEvent) -> set[str]:
    names = {"UID", "SEQUENCE", "DTSTAMP", "LAST-MODIFIED", "DTSTART", "DTEND", "SUMMARY"}
    names |= {"STATUS", "TRANSP"}
    optional = {
        "DESCRIPTION": clean_text(event.description),
        "LOCATION": clean_text(event.location),
        "CATEGORIES": "".join(map(clean_text, event.categories)),
        "URL": uri_value(event.url),
    }
    return names | {name for name, value in optional.items() if value}


def _instant(value: date | datetime) -> date | datetime:
    # PEP 495: aware datetimes in a repeated hour never compare equal across zones.
    return value.astimezone(UTC) if isinstance(value, datetime) else value


# After removing the CRLF line ends nothing of this may remain anywhere in the file.
FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _check_lines(data: bytes) -> None:
    assert not data.startswith(b"\xef\xbb\xbf")
    assert FORBIDDEN.search(data.decode("utf-8").replace("\r\n", "")) is None
    assert data.count(b"\r") == data.count(b"\n") == data.count(b"\r\n")
    physical = data.split(b"\r\n")
    assert physical[-1] == b""
    assert max(len(line) for line in physical) <= 75


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event=events(), calendar_name=short_text, tz_mode=st.sampled_from(["local", "utc"]))
def test_hostile_text_round_trips_cleaned(
    event: CalendarEvent, calendar_name: str, tz_mode: TzMode
) -> None:
    data = render([event], tz_mode, calendar_name=calendar_name)
    _check_lines(data)

    calendar = icalendar.Calendar.from_ical(data)
    calendar_names = {"VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME"}
    if tz_mode == "local":
        calendar_names.add("X-WR-TIMEZONE")
    assert set(calendar.keys()) == calendar_names
    # icalendar keeps X- properties raw (vUnknown); vobject reads X-WR-CALNAME as TEXT.
    assert vobject.readOne(data.decode()).x_wr_calname.value == clean_text(calendar_name)
    kinds = [component.name for component in calendar.subcomponents]
    assert kinds == (["VTIMEZONE", "VEVENT"] if tz_mode == "local" else ["VEVENT"])

    (parsed,) = calendar.walk("VEVENT")
    assert set(parsed.keys()) == _expected_names(event)
    assert not any(isinstance(value, list) for value in parsed.values())  # no duplicates
    assert str(parsed["SUMMARY"]) == clean_text(event.summary)
    assert str(parsed.get("DESCRIPTION", "")) == clean_text(event.description)
    assert str(parsed.get("LOCATION", "")) == clean_text(event.location)
    assert str(parsed.get("URL", "")) == uri_value(event.url)
    categories = [str(c) for c in parsed["CATEGORIES"].cats] if "CATEGORIES" in parsed else []
    assert categories == [c for c in map(clean_text, event.categories) if c]
    assert _instant(parsed.decoded("DTSTART")) == _instant(event.start)
    assert _instant(parsed.decoded("DTEND")) == _instant(event.end)
    assert parsed.decoded("SEQUENCE") == event.sequence

    alarms = parsed.walk("VALARM")
    if event.alarm_minutes is None:
        assert alarms == []
    else:
        (alarm,) = alarms
        assert set(alarm.keys()) == {"ACTION", "DESCRIPTION", "TRIGGER"}
        assert str(alarm["DESCRIPTION"]) == (clean_text(event.summary) or "Reminder")
        assert alarm.decoded("TRIGGER") == -timedelta(minutes=event.alarm_minutes)
