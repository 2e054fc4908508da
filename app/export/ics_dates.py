"""DATE and DATE-TIME values as iCalendar writes them, plus the year whose rules we export."""

from __future__ import annotations

from datetime import UTC, date, datetime


# %-formatting, not strftime: %Y does not zero-pad years below 1000 everywhere, and this is
# about three times faster, which matters at 30,000 calls per export.
def date_value(day: date) -> str:
    """A DATE value: 20261124."""
    return "%04d%02d%02d" % (day.year, day.month, day.day)  # noqa: UP031


def time_value(moment: datetime) -> str:
    """A DATE-TIME value without zone suffix, from the datetime's own wall clock."""
    return "%04d%02d%02dT%02d%02d%02d" % (  # noqa: UP031
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
    )


def utc_value(moment: datetime) -> str:
    """An aware datetime as a UTC DATE-TIME value (20261124T090000Z)."""
    return time_value(moment.astimezone(UTC)) + "Z"


def require_aware(moment: datetime, what: str) -> None:
    """ValueError for a naive datetime: its meaning would depend on the machine's clock."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware")


def rule_year(dtstamp: datetime) -> int:
    """The year whose DST rules go into the VTIMEZONE: the export's own year.

    Follow-ups lie months ahead, rarely across a rule change; events in years under other
    rules are written in UTC (see EventEncoder).
    """
    return dtstamp.astimezone(UTC).year
