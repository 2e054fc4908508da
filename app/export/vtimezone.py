"""VTIMEZONE text with one STANDARD and one DAYLIGHT yearly rule, the form Outlook maps."""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache

from app.export.zone_rules import EPOCH_YEAR, observances


def format_offset(offset: timedelta) -> str:
    """+HHMM / -HHMM, rounded to whole minutes (RFC 5545 allows seconds; Outlook does not)."""
    minutes = round(offset.total_seconds() / 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}{rest:02d}"


def _tzname_lines(name: str) -> list[str]:
    # tzdata abbreviations are short ASCII ("CET", "-03"); guard the TEXT value anyway.
    safe = "".join(char for char in name if (char.isascii() and char.isalnum()) or char in "+-")
    return [f"TZNAME:{safe}"] if safe else []


@lru_cache(maxsize=64)
def vtimezone_lines(tzid: str, year: int) -> tuple[str, ...]:
    """The VTIMEZONE component for the zone's rules in `year`, as unfolded content lines.

    Not icalendar's RDATE-list form: Outlook maps a VTIMEZONE onto one Windows rule, so each
    block carries a yearly RRULE with BYDAY, anchored in 1970. Zones without DST get two
    no-op blocks (equal offsets, EU switch dates), since Outlook wants BYDAY rules there too.
    """
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    for block in observances(tzid, year):
        lines += [
            f"BEGIN:{block.kind}",
            f"TZOFFSETFROM:{format_offset(block.offset_from)}",
            f"TZOFFSETTO:{format_offset(block.offset_to)}",
            *_tzname_lines(block.name),
            f"DTSTART:{block.onset(EPOCH_YEAR):%Y%m%dT%H%M%S}",
            f"RRULE:{block.rrule}",
            f"END:{block.kind}",
        ]
    lines.append("END:VTIMEZONE")
    return tuple(lines)
