"""One CalendarEvent to its VEVENT bytes: escaped, cleaned, folded, times per zone mode."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

from app.export.calendar_event import CalendarEvent
from app.export.ics_dates import date_value, require_aware, rule_year, time_value, utc_value
from app.export.ics_text import clean_text, content_line, escape_text, text_value, uri_value
from app.export.zone_rules import check_tzid, rules_hold

TzMode = Literal["local", "utc"]
_SHORT_UID = 75 - len("UID:")
_SHORT_SUMMARY_LINE = 75 - len("DESCRIPTION:") + len("SUMMARY:") + len("\r\n")
_STATUS_AND_TRANSP = {
    (status, transparent): (
        f"STATUS:{status}\r\nTRANSP:{'TRANSPARENT' if transparent else 'OPAQUE'}\r\n".encode()
    )
    for status in ("CONFIRMED", "CANCELLED")
    for transparent in (False, True)
}


def check_export_settings(tz_mode: str, tzid: str, dtstamp: datetime) -> ZoneInfo | None:
    """Validate the settings shared by header and events; the zone in local mode."""
    if tz_mode not in ("local", "utc"):
        raise ValueError(f"tz_mode {tz_mode!r} must be 'local' or 'utc'")
    require_aware(dtstamp, "dtstamp")
    return check_tzid(tzid) if tz_mode == "local" else None


@dataclass(frozen=True, slots=True)
class EventEncoder:
    """Turns one CalendarEvent into its VEVENT bytes for a given time zone mode."""

    tz_mode: TzMode
    tzid: str
    dtstamp: datetime
    _zone: ZoneInfo | None = field(init=False, repr=False)
    _stamp_line: str = field(init=False, repr=False)
    _rule_year: int = field(init=False, repr=False)
    # Memo of years in which the VTIMEZONE rules are right: a set lookup per event.
    _ruled_years: set[int] = field(init=False, repr=False, default_factory=set)

    def __post_init__(self) -> None:
        zone = check_export_settings(self.tz_mode, self.tzid, self.dtstamp)
        object.__setattr__(self, "_zone", zone)
        object.__setattr__(self, "_stamp_line", f"DTSTAMP:{utc_value(self.dtstamp)}\r\n")
        object.__setattr__(self, "_rule_year", rule_year(self.dtstamp))

    def _rules_hold(self, local: datetime) -> bool:
        if rules_hold(self.tzid, self._rule_year, local.year):
            self._ruled_years.add(local.year)
            return True
        return False

    def _moment(self, name: str, value: date | datetime) -> str:
        """A DTSTART/DTEND line with its CRLF."""
        if not isinstance(value, datetime):
            return f"{name};VALUE=DATE:{date_value(value)}\r\n"
        if self._zone is None:
            return f"{name}:{utc_value(value)}\r\n"
        local = value.astimezone(self._zone)
        # A wall time names the wrong instant in the second pass through a repeated hour, and
        # in years where our two yearly rules differ from the zone's real ones: use UTC there.
        if local.fold or (local.year not in self._ruled_years and not self._rules_hold(local)):
            return f"{name}:{utc_value(value)}\r\n"
        return f"{name};TZID={self.tzid}:{time_value(local)}\r\n"

    def encode(self, event: CalendarEvent) -> bytes:
        """The VEVENT block, folded, CRLF-terminated, UTF-8."""
        summary = text_value(event.summary)
        summary_line = content_line(f"SUMMARY:{summary}")
        uid = event.uid
        # UIDs are visible ASCII (CalendarEvent checks), so short ones need no folding.
        uid_line = (
            f"UID:{uid}\r\n" if len(uid) <= _SHORT_UID else content_line(f"UID:{uid}").decode()
        )
        last_modified = event.last_modified.astimezone(UTC)
        parts = [
            (
                f"BEGIN:VEVENT\r\n{uid_line}SEQUENCE:{event.sequence}\r\n{self._stamp_line}"
                f"LAST-MODIFIED:{time_value(last_modified)}Z\r\n"
                f"{self._moment('DTSTART', event.start)}{self._moment('DTEND', event.end)}"
            ).encode(),
            summary_line,
        ]
        if event.description:
            description = text_value(event.description)
            if description:
                parts.append(content_line(f"DESCRIPTION:{description}"))
        if event.location:
            location = text_value(event.location)
            if location:
                parts.append(content_line(f"LOCATION:{location}"))
        if event.categories:
            parts.append(_categories_line(event.categories))
        if event.url:
            url = uri_value(event.url)
            if url:
                parts.append(content_line(f"URL:{url}"))
        parts.append(_STATUS_AND_TRANSP[event.status, event.transparent])
        trigger = event.trigger()
        if trigger is not None:
            if not summary:
                alarm_line = b"DESCRIPTION:Reminder\r\n"
            elif len(summary_line) <= _SHORT_SUMMARY_LINE:
                # Same value, four octets longer name: still one unfolded line, no re-encoding.
                alarm_line = b"DESCRIPTION:" + summary_line[len(b"SUMMARY:") :]
            else:
                alarm_line = content_line(f"DESCRIPTION:{summary}")
            parts += [
                b"BEGIN:VALARM\r\nACTION:DISPLAY\r\n",
                alarm_line,
                f"TRIGGER:{trigger}\r\nEND:VALARM\r\n".encode(),
            ]
        parts.append(b"END:VEVENT\r\n")
        return b"".join(parts)


@lru_cache(maxsize=256)
def _categories_line(categories: tuple[str, ...]) -> bytes:
    # Few distinct category sets recur across thousands of events: render each once.
    values = ",".join(escape_text(c) for c in map(clean_text, categories) if c)
    return content_line(f"CATEGORIES:{values}") if values else b""
