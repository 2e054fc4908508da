"""Snooze a follow-up until a day the user picks on a calendar."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.date_range import bound_dates


class SnoozeDialog(QDialog):
    """Enter or a double-click on a day confirms; Escape cancels.

    `change_date`: the same calendar for Change date, where the day picked is kept as it is."""

    def __init__(
        self,
        title: str,
        today: dt.date,
        proposed: dt.date,
        parent: QWidget | None = None,
        *,
        change_date: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Change date…") if change_date else _("Snooze until…"))
        heading = QLabel(title)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        hint = QLabel(
            _("The day you pick is kept, even a day off.")
            if change_date
            else _("A day off or holiday moves to the next working day.")
        )
        hint.setWordWrap(True)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("snoozeCalendar")
        self.calendar.setGridVisible(True)
        bound_dates(self.calendar)
        self.calendar.setMinimumDate(QDate(today.year, today.month, today.day))
        self.calendar.setSelectedDate(QDate(proposed.year, proposed.month, proposed.day))
        self.calendar.activated.connect(lambda _date: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("&Move") if change_date else _("&Snooze"))
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.calendar)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.calendar.setFocus()

    def day(self) -> dt.date:
        picked = self.calendar.selectedDate()
        return dt.date(picked.year(), picked.month(), picked.day())
