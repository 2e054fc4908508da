"""argparse value types that turn bad input into one clear message."""

from __future__ import annotations

import argparse
import datetime as dt

from app.errors import ValidationError
from app.i18n import N_, _
from app.preferences import check_reminder
from app.validation import MAX_ID, check_date

# Counts (days, items) beyond this mean nothing to a salesperson and only overflow later.
MAX_COUNT = 1_000_000


def iso_date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date (YYYY-MM-DD)").format(text=text[:40])
        ) from exc
    try:
        return check_date(day, N_("date"))
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def clock_time(text: str) -> dt.time:
    """A time of day as HH:MM."""
    try:
        return dt.datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a time (HH:MM)").format(text=text[:40])
        ) from exc


def _whole_number(text: str) -> int:
    try:
        # A few digits more than any bound below: int() of a huge string is slow and pointless.
        if len(text.strip()) > 30:
            raise ValueError(text)
        return int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a whole number").format(text=text[:40])
        ) from exc


def record_id(text: str) -> int:
    """The id of a record: a whole number from 1 to SQLite's largest integer."""
    value = _whole_number(text)
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(
            _("{value} is not a valid id (whole numbers from 1)").format(value=value)
        )
    return value


def positive_int(text: str) -> int:
    return _count(text, 1)


def non_negative_int(text: str) -> int:
    return _count(text, 0)


def _count(text: str, low: int) -> int:
    value = _whole_number(text)
    if not low <= value <= MAX_COUNT:
        raise argparse.ArgumentTypeError(
            _("{value} must be between {low} and {high:,}").format(
                value=value, low=low, high=MAX_COUNT
            )
        )
    return value


def reminder_minutes(text: str) -> int:
    """Minutes before a follow-up, in the range calendars can read (app.preferences)."""
    value = any_int(text)
    try:
        check_reminder(value)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return value


def any_int(text: str) -> int:
    """A whole number whose range the service checks (and names in its message)."""
    try:
        return _whole_number(text)
    except argparse.ArgumentTypeError:
        if text.strip().lstrip("+-").isdigit():
            # Many digits: out of every range; the service's message names the real one.
            return -MAX_ID if text.strip().startswith("-") else MAX_ID
        raise
