"""How the Insights screen writes its days, weeks, months, shares and hours."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale

from app.dto.insights import Span
from app.i18n import _
from ui.dates import date_text


def day_text(day: dt.date) -> str:
    """'7 Dec 2026' ('Dec 7, 2026'), as every screen writes a date."""
    return date_text(day)


def span_label(span: Span) -> str:
    """'17 Nov' for a week (its first day); 'Nov' for a month."""
    return QLocale().toString(QDate(span.first.year, span.first.month, span.first.day), "d MMM")


def span_text(span: Span) -> str:
    """'17–23 Nov 2026' in the table and the tooltips."""
    first, last = span.first, span.last
    pattern = "d" if (first.year, first.month) == (last.year, last.month) else "d MMM"
    start = QLocale().toString(QDate(first.year, first.month, first.day), pattern)
    return f"{start}–{day_text(last)}"


def month_label(span: Span) -> str:
    return QLocale().toString(QDate(span.first.year, span.first.month, 1), "MMM yyyy")


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def hours(value: float | None) -> str:
    return "—" if value is None else _("{hours} h").format(hours=f"{value:.1f}")
