"""Benchmark: the .ics writer on 10,000 events against a bare f-string floor writer."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

from app.export.calendar_event import CalendarEvent, default_duration
from app.export.ics_writer import DEFAULT_PRODID, calendar_header, write_calendar

EVENT_COUNT = 10_000
RUNS = 5
TZID = "Europe/Berlin"
DTSTAMP = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

_FIRST = ("Anna", "Jürgen", "Zoë", "Łukasz", "Çağla", "Søren", "María José", "Olivier", "Ngozi")
_LAST = ("Müller", "O'Brien", "Šimůnek", "Dubois-Lefèvre", "Nakamura", "Østergaard", "Smith")
_PRODUCTS = ("Küchenzeile", "e-bike", "Sofa 3-Sitzer, grau", "hearing aid", "Wärmepumpe")
_SENTENCES = (
    "Fragen, ob die Lieferung pünktlich war und alles funktioniert.",
    "Mention the service plan; she asked about the warranty (2 years).",
    "Rückruf vereinbart — bitte nicht vor 10 Uhr anrufen!",
    "Husband prefers e-mail; daughter handles the invoices.",
    'Bring the brochure "Pflege & Wartung" and a 10 % voucher.',
    "Last time: happy with the fit, a small scratch on the left door.",
    "Kunde überlegt, ob er eine zweite Einheit für das Büro nimmt.",
)


def synthetic_events(count: int = EVENT_COUNT, seed: int = 7) -> list[CalendarEvent]:
    """Realistic touchpoints: names, ~400-character multi-line notes, some all-day."""
    rng = random.Random(seed)
    zone = ZoneInfo(TZID)
    events = []
    for index in range(count):
        customer = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        notes = "\n".join(rng.choice(_SENTENCES) for _ in range(6))
        day = date(2026, 1, 5) + timedelta(days=index * 73 // 100)
        start: date | datetime
        end: date | datetime
        if index % 5 == 4:
            start, end, channel = day, day + timedelta(days=1), "letter"
        else:
            channel = rng.choice(("phone", "in_person", "email"))
            start = datetime(day.year, day.month, day.day, 9 + index % 8, 30, tzinfo=zone)
            end = start + default_duration(channel)
        events.append(
            CalendarEvent(
                uid=f"{index:08d}-7f3c-4a1e-9b2d-followup@followup-planner",
                sequence=index % 3,
                summary=f"Follow-up: {customer} – {rng.choice(_PRODUCTS)}",
                description=f"Kunde: {customer}\nKanal: {channel}\n{notes}"[:420],
                categories=("Follow-up", channel),
                start=start,
                end=end,
                status="CONFIRMED",
                transparent=not isinstance(start, datetime),
                alarm_minutes=15 if index % 2 else None,
                last_modified=DTSTAMP - timedelta(days=index % 30),
            )
        )
    return events


def _text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _stamp(m: datetime) -> str:
    # %-formatting is the fastest way CPython has to print a date; the floor should be fast.
    return "%04d%02d%02dT%02d%02d%02d" % (m.year, m.month, m.day, m.hour, m.minute, m.second)  # noqa: UP031


def _when(name: str, value: date | datetime, zone: ZoneInfo) -> str:
    if isinstance(value, datetime):
        return f"{name};TZID={TZID}:{_stamp(value.astimezone(zone))}"
    return f"{name};VALUE=DATE:{value.year:04d}{value.month:02d}{value.day:02d}"


def _fold(line: str) -> bytes:
    # The plainest correct fold: 75 octets, then 74 after the leading space, never inside a
    # UTF-8 sequence. Only the text lines go through it; the fixed ones are always short.
    raw = line.encode()
    pieces = []
    limit = 75
    while len(raw) > limit:
        cut = limit
        while raw[cut] & 0xC0 == 0x80:
            cut -= 1
        pieces.append(raw[:cut])
        raw, limit = raw[cut:], 74
    pieces.append(raw)
    return b"\r\n ".join(pieces) + b"\r\n"


def floor_writer(events: Sequence[CalendarEvent], out: BinaryIO) -> None:
    """The least a writer can do to emit the same bytes: escape and fold, nothing else.

    No cleaning, no validation, no optional fields, no UTC fallback: for the clean synthetic
    events this writes exactly what write_calendar writes (a test checks it).
    """
    zone = ZoneInfo(TZID)
    stamp = f"DTSTAMP:{_stamp(DTSTAMP)}Z"
    out.write(
        calendar_header(
            calendar_name="Bench",
            tz_mode="local",
            tzid=TZID,
            dtstamp=DTSTAMP,
            prodid=DEFAULT_PRODID,
        )
    )
    for e in events:
        summary = _text(e.summary)
        transp = "TRANSPARENT" if e.transparent else "OPAQUE"
        alarm = (
            b"BEGIN:VALARM\r\nACTION:DISPLAY\r\n"
            + _fold(f"DESCRIPTION:{summary}")
            + f"TRIGGER:-PT{e.alarm_minutes}M\r\nEND:VALARM\r\n".encode()
            if e.alarm_minutes is not None
            else b""
        )
        out.write(
            f"BEGIN:VEVENT\r\nUID:{e.uid}\r\nSEQUENCE:{e.sequence}\r\n{stamp}\r\n"
            f"LAST-MODIFIED:{_stamp(e.last_modified.astimezone(UTC))}Z\r\n"
            f"{_when('DTSTART', e.start, zone)}\r\n{_when('DTEND', e.end, zone)}\r\n".encode()
            + _fold(f"SUMMARY:{summary}")
            + _fold(f"DESCRIPTION:{_text(e.description)}")
            + f"CATEGORIES:{','.join(map(_text, e.categories))}\r\nSTATUS:{e.status}\r\n"
            f"TRANSP:{transp}\r\n".encode()
            + alarm
            + b"END:VEVENT\r\n"
        )
    out.write(b"END:VCALENDAR\r\n")


def real_writer(events: Sequence[CalendarEvent], out: BinaryIO) -> None:
    """The production writer with the same settings as the floor."""
    write_calendar(events, out, calendar_name="Bench", tz_mode="local", tzid=TZID, dtstamp=DTSTAMP)


Writer = Callable[[Sequence[CalendarEvent], BinaryIO], None]


def _seconds(
    writer: Writer, events: Sequence[CalendarEvent], target: Path, clock: Callable[[], float]
) -> float:
    with target.open("wb") as out:
        began = clock()
        writer(events, out)
        return clock() - began


def measure(
    events: Sequence[CalendarEvent],
    runs: int = RUNS,
    statistic: Callable[[list[float]], float] = statistics.median,
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[float, float]:
    """(writer seconds, floor seconds) over `runs` alternating runs, writing to a temp file."""
    floors: list[float] = []
    values: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "bench.ics"
        _seconds(real_writer, events[:100], target, clock)  # warm VTIMEZONE and zoneinfo
        # Alternate the two writers so a busy machine slows both alike.
        for _ in range(runs):
            floors.append(_seconds(floor_writer, events, target, clock))
            values.append(_seconds(real_writer, events, target, clock))
    return statistic(values), statistic(floors)


def run() -> list[dict[str, object]]:
    """Median wall-clock seconds for 10,000 events, with the floor writer as the yardstick."""
    value, floor = measure(synthetic_events())
    return [
        {"name": "ics_10k_s", "value": value, "unit": "s", "floor": floor, "ratio": value / floor}
    ]


if __name__ == "__main__":
    for figure in run():
        print(figure)
