"""Dates as people read them: in the user's locale (QLocale), with month names, never ISO.

'12 Nov 2026' for a European, 'Nov 12, 2026' for an American, a birthday '12 Nov' or
'Nov 12': the order and the separators come from the locale's own short date format, the
month name from its language. One home for every date a person reads in the window.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from PySide6.QtCore import QDate, QLocale, QTime

# Between the two ends of a range ('24 Dec – 2 Jan').
RANGE_DASH = " – "


def date_text(
    day: dt.date, *, year: bool = True, weekday: bool = False, time: dt.time | None = None
) -> str:
    """'12 Nov 2026' (or without the year, with a leading weekday, a trailing time)."""
    pattern = _patterns(QLocale().name())[(year, weekday)]
    text = QLocale().toString(QDate(day.year, day.month, day.day), pattern)
    return f"{text} {time_text(time)}" if time is not None else text


def edit_format() -> str:
    """How a date field shows and takes a date: the locale's short numeric format with the
    whole year ('dd/MM/yyyy', 'M/d/yyyy', 'dd.MM.yyyy'), what people type."""
    short = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in short:
        short = short.replace("yy", "yyyy")
    # Qt's own C locale writes 'd MM yyyy'; nobody types that.
    return short if "MMM" not in short and QLocale().name() != "C" else "yyyy-MM-dd"


def heading_text(day: dt.date) -> str:
    """'Monday, 23 November' ('Monday, November 23'): a day named in full, for a heading."""
    pattern = _undated(QLocale().dateFormat(QLocale.FormatType.LongFormat))
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def day_month_text(month: int, day: int, year: int | None = None) -> str:
    """A birthday: '12 Nov', or '12 Nov 1980' when the year is known."""
    # A leap year, so 29 February has a date to be formatted as.
    return date_text(dt.date(year or 2000, month, day), year=year is not None)


def time_text(time: dt.time) -> str:
    """'14:30' or '2:30 PM', as the locale writes a time."""
    return QLocale().toString(QTime(time.hour, time.minute), QLocale.FormatType.ShortFormat)


def range_text(first: dt.date, last: dt.date, today: dt.date | None = None) -> str:
    """'24 Dec – 2 Jan' for days off: one day alone when the range is a day; the years only
    when the range is not within the year of `today` (always when no today is given)."""
    this_year = today.year if today is not None else None
    years = not (first.year == last.year == this_year)
    if first == last:
        return date_text(first, year=years)
    return f"{date_text(first, year=years)}{RANGE_DASH}{date_text(last, year=years)}"


@functools.cache
def _patterns(locale_name: str) -> dict[tuple[bool, bool], str]:
    """Qt date patterns per (with year, with weekday), from the locale's long format with
    the weekday left out and the month shortened: 'dddd, d MMMM yyyy' gives 'd MMM yyyy',
    'dddd, MMMM d, yyyy' gives 'MMM d, yyyy', 'yyyy年M月d日dddd' gives 'yyyy年M月d日'."""
    long = QLocale(locale_name).dateFormat(QLocale.FormatType.LongFormat)
    dated = re.sub(r"dddd[,\s]*", "", long).strip(" ,")
    dated = dated.replace("MMMM", "MMM")
    patterns = {True: dated, False: _undated(dated)}
    return {
        (year, weekday): (f"ddd {patterns[year]}" if weekday else patterns[year])
        for year in (True, False)
        for weekday in (True, False)
    }


def _undated(pattern: str) -> str:
    """A date pattern without its year (and the words or commas around it)."""
    if pattern.startswith("yyyy"):
        return re.sub(r"^yyyy[^\sMd]*\s*", "", pattern)
    return re.sub(r"[\s,]*(?:'[^']*'\s*)?yyyy(?:\s*'[^']*')?\.?", "", pattern)
