"""The dates every date field offers: those the planner accepts (app.validation)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCalendarWidget, QDateEdit

from app.validation import EARLIEST_DATE, LATEST_DATE


def bound_dates(widget: QDateEdit | QCalendarWidget) -> None:
    """Offer only dates between 1900 and 2200: a plan cannot work with the ends of Qt's
    calendar (9999-12-31), and the services would refuse them."""
    widget.setDateRange(
        QDate(EARLIEST_DATE.year, EARLIEST_DATE.month, EARLIEST_DATE.day),
        QDate(LATEST_DATE.year, LATEST_DATE.month, LATEST_DATE.day),
    )
