"""A zone's DST rules as "nth weekday of month" switches, read from zoneinfo transitions."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Observance onsets are anchored here, as Outlook and most generators do.
EPOCH_YEAR = 1970
# IANA keys only: this value ends up in a TZID parameter, so nothing else may get in.
_TZID_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*")
# Sampling step when looking for transitions; DST periods last months, never under a week.
_STEP = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Observance:
    """One STANDARD or DAYLIGHT block: the yearly switch into this offset."""

    kind: Literal["STANDARD", "DAYLIGHT"]
    offset_from: timedelta
    offset_to: timedelta
    name: str
    month: int
    weekday: int  # Monday == 0, as in datetime
    occurrence: int  # 1..4, or -1 for the last one in the month
    wall_time: time  # local time of the switch, on the clock that was valid before it

    @property
    def rrule(self) -> str:
        """The yearly recurrence, e.g. FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU."""
        day = f"{self.occurrence}{WEEKDAY_CODES[self.weekday]}"
        return f"FREQ=YEARLY;BYMONTH={self.month};BYDAY={day}"

    def onset(self, year: int) -> datetime:
        """Naive local wall time of the switch in `year` (1970 gives DTSTART)."""
        day = nth_weekday(year, self.month, self.weekday, self.occurrence)
        return datetime.combine(day, self.wall_time)


def nth_weekday(year: int, month: int, weekday: int, occurrence: int) -> date:
    """The occurrence-th weekday of a month; occurrence -1 is the last one."""
    if occurrence == -1:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (occurrence - 1))


def check_tzid(tzid: str) -> ZoneInfo:
    """The zone for an IANA name; ValueError for anything else (Windows names, paths, junk)."""
    if not _TZID_PATTERN.fullmatch(tzid):
        raise ValueError(f"{tzid!r} is not an IANA time zone name")
    try:
        return ZoneInfo(tzid)
    except (KeyError, ValueError, OSError) as exc:  # ZoneInfoNotFoundError is a KeyError
        raise ValueError(f"unknown time zone {tzid!r}") from exc


def _offset_at(zone: ZoneInfo, instant: datetime) -> timedelta:
    offset = instant.astimezone(zone).utcoffset()
    assert offset is not None  # a ZoneInfo always knows its offset
    return offset


def _transitions(zone: ZoneInfo, year: int) -> list[datetime]:
    """UTC instants (minute precision) at which the zone's offset changes during the year."""
    found: list[datetime] = []
    moment, end = datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    previous = _offset_at(zone, moment)
    while moment < end:
        following = min(moment + _STEP, end)
        offset = _offset_at(zone, following)
        if offset != previous:
            low, high = 0, int((following - moment) / timedelta(minutes=1))
            while high - low > 1:  # the change lies in (low, high] minutes after `moment`
                middle = (low + high) // 2
                if _offset_at(zone, moment + timedelta(minutes=middle)) == previous:
                    low = middle
                else:
                    high = middle
            found.append(moment + timedelta(minutes=high))
        moment, previous = following, offset
    return found


def _observance(zone: ZoneInfo, instant: datetime) -> Observance:
    before = _offset_at(zone, instant - timedelta(minutes=1))
    after = _offset_at(zone, instant)
    wall = (instant + before).replace(tzinfo=None)
    last_day = calendar.monthrange(wall.year, wall.month)[1]
    # "Last" wins over "4th" when both fit: last-weekday rules are by far the common ones.
    occurrence = -1 if wall.day + 7 > last_day else (wall.day - 1) // 7 + 1
    return Observance(
        kind="DAYLIGHT" if after > before else "STANDARD",
        offset_from=before,
        offset_to=after,
        name=instant.astimezone(zone).tzname() or "",
        month=wall.month,
        weekday=wall.weekday(),
        occurrence=occurrence,
        wall_time=wall.time(),
    )


def _without_dst(zone: ZoneInfo, year: int) -> tuple[Observance, Observance]:
    # Outlook wants a BYDAY rule even here; two no-op switches (EU dates) keep it happy.
    year_end = datetime(year, 12, 31, 12, tzinfo=UTC)
    offset, name = _offset_at(zone, year_end), year_end.astimezone(zone).tzname() or ""
    standard = Observance("STANDARD", offset, offset, name, 10, 6, -1, time(3))
    daylight = Observance("DAYLIGHT", offset, offset, name, 3, 6, -1, time(2))
    return standard, daylight


@lru_cache(maxsize=64)
def observances(tzid: str, year: int) -> tuple[Observance, Observance]:
    """(STANDARD, DAYLIGHT) for the zone's rules as they stand in the reference year."""
    zone = check_tzid(tzid)
    switches = [_observance(zone, instant) for instant in _transitions(zone, year)]
    if len(switches) != 2 or {switch.kind for switch in switches} != {"STANDARD", "DAYLIGHT"}:
        # No DST, or a year in which the rules themselves changed: keep the year-end offset.
        return _without_dst(zone, year)
    standard, daylight = sorted(switches, key=lambda switch: switch.kind != "STANDARD")
    return standard, daylight


@lru_cache(maxsize=1024)
def rules_hold(tzid: str, reference_year: int, year: int) -> bool:
    """True when the reference year's two rules give zoneinfo's offsets all through `year`.

    False for years before 1970, for zones whose switches are not "nth weekday" rules
    (Morocco's Ramadan, Israel's "Friday before the last Sunday" in some years) and for
    years under other rules; the writer then falls back to UTC times for those events.
    """
    if year < EPOCH_YEAR:
        return False
    zone = check_tzid(tzid)
    blocks = observances(tzid, reference_year)
    real = [(instant, _offset_at(zone, instant)) for instant in _transitions(zone, year)]
    ruled = sorted(
        ((block.onset(year) - block.offset_from).replace(tzinfo=UTC), block.offset_to)
        for block in blocks
        if block.offset_from != block.offset_to
    )
    # At New Year the block with the later onset (last year's final switch) is in force.
    in_force = max(blocks, key=lambda block: block.onset(year)).offset_to
    return real == ruled and in_force == _offset_at(zone, datetime(year, 1, 1, tzinfo=UTC))
