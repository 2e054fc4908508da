"""A time zone's UTC offsets over a stretch of time: what turns stored UTC instants into
local days in SQL, which knows no time zones."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

# (from this UTC instant on, the offset in minutes); the first entry's instant is None:
# it applies to everything before the second.
Segment = tuple[dt.datetime | None, int]


def _minutes(zone: ZoneInfo, instant: dt.datetime) -> int:
    offset = instant.astimezone(zone).utcoffset()
    assert offset is not None  # a ZoneInfo always knows its offset
    return int(offset.total_seconds() // 60)


@lru_cache(maxsize=32)
def offset_segments(zone: ZoneInfo, first: dt.date, last: dt.date) -> tuple[Segment, ...]:
    """The offsets in force from `first` to `last` (UTC days), oldest first.

    Steps a day at a time and pins each change down to the second: zones change their
    offset at most a few times a year, never twice in one day.
    """
    cursor = dt.datetime.combine(first, dt.time(), dt.UTC)
    stop = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), dt.UTC)
    current = _minutes(zone, cursor)
    segments: list[Segment] = [(None, current)]
    day = dt.timedelta(days=1)
    while cursor < stop:
        following = cursor + day
        minutes = _minutes(zone, following)
        if minutes != current:
            low, high = cursor, following
            while high - low > dt.timedelta(seconds=1):
                middle = low + (high - low) / 2
                if _minutes(zone, middle) == current:
                    low = middle
                else:
                    high = middle
            segments.append((high.replace(microsecond=0), minutes))
            current = minutes
        cursor = following
    return tuple(segments)


def local_midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """The UTC instant a local day begins (the first moment of it, in a gap too)."""
    return dt.datetime.combine(day, dt.time(), zone).astimezone(dt.UTC)
