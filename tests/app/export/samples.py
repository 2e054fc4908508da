"""Sample events shared by the export tests: a won sale's plan and single touchpoints."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from app.export.calendar_event import CalendarEvent, default_duration
from app.export.ics_writer import TzMode, write_calendar

BERLIN = ZoneInfo("Europe/Berlin")
DTSTAMP = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
EDITED = datetime(2026, 9, 30, 16, 45, 12, tzinfo=UTC)


def _timed(
    uid: str,
    summary: str,
    description: str,
    start: datetime,
    channel: str,
    location: str = "",
    url: str = "",
) -> CalendarEvent:
    return CalendarEvent(
        uid=uid,
        sequence=0,
        summary=summary,
        description=description,
        categories=("Follow-up", channel),
        start=start,
        end=start + default_duration(channel),
        status="CONFIRMED",
        transparent=False,
        alarm_minutes=15,
        last_modified=EDITED,
        location=location,
        url=url,
    )


def _all_day(uid: str, summary: str, description: str, day: date) -> CalendarEvent:
    return CalendarEvent(
        uid=uid,
        sequence=2,
        summary=summary,
        description=description,
        categories=("Follow-up", "letter"),
        start=day,
        end=day + timedelta(days=1),
        status="CONFIRMED",
        transparent=True,
        alarm_minutes=None,
        last_modified=EDITED,
    )


def won_sale_plan() -> list[CalendarEvent]:
    """Three steps after Jürgen Müller bought a kitchen: before and after the DST change."""
    return [
        _timed(
            "3f2a9c1e-0001-4b7e-9d51-5a0c2e7b1f01@followup-planner",
            "Danke-Anruf: Jürgen Müller – Küchenzeile „Bergen“",
            "Fragen, ob die Lieferung pünktlich war.\nHinweis: Frau Müller bevorzugt E-Mail; "
            "Rechnung Nr. 2026/0815, Betrag 12.499,00 €.\nBackslash im Pfad: C:\\Kunden\\Müller",
            datetime(2026, 10, 20, 10, 0, tzinfo=BERLIN),
            "phone",
        ),
        _timed(
            "3f2a9c1e-0002-4b7e-9d51-5a0c2e7b1f01@followup-planner",
            "Besuch: Einbau prüfen (Jürgen Müller)",
            "Fronten, Scharniere, Spülmaschine kontrollieren.\nParken: Hof, Tor 2.",
            datetime(2026, 11, 3, 10, 0, tzinfo=BERLIN),
            "in_person",
            location="Hauptstraße 5, 10827 Berlin",
        ),
        _all_day(
            "3f2a9c1e-0003-4b7e-9d51-5a0c2e7b1f01@followup-planner",
            "Pflegeanleitung schicken; um Bewertung bitten",
            "Karte mit Pflegehinweisen per Post; Link zur Bewertung beilegen.",
            date(2026, 11, 24),
        ),
    ]


def touchpoints() -> list[CalendarEvent]:
    """One timed call (New York customer, stored in UTC) and one all-day birthday card."""
    return [
        _timed(
            "8d7c6b5a-1111-4c3d-8e9f-0a1b2c3d4e5f@followup-planner",
            "Call Zoë O'Brien, re: e-bike service",
            "Ask about the 500 km check.",
            datetime(2026, 3, 30, 7, 30, tzinfo=UTC),
            "phone",
            url="https://crm.example.com/customers/42?tab=notes",
        ),
        _all_day(
            "8d7c6b5a-2222-4c3d-8e9f-0a1b2c3d4e5f@followup-planner",
            "Geburtstagskarte: Çağla Yıldız",
            "",
            date(2026, 4, 2),
        ),
    ]


def render(
    events: Iterable[CalendarEvent],
    tz_mode: TzMode,
    tzid: str = "Europe/Berlin",
    calendar_name: str = "Follow-ups: Jürgen Müller",
) -> bytes:
    """The whole .ics file for these events."""
    out = io.BytesIO()
    write_calendar(
        events, out, calendar_name=calendar_name, tz_mode=tz_mode, tzid=tzid, dtstamp=DTSTAMP
    )
    return out.getvalue()
