"""The day a promised delivery arrived: today or earlier, the promised day proposed."""

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


class DeliveredDialog(QDialog):
    """Enter or a double-click on a day confirms; Escape cancels."""

    def __init__(
        self, what: str, promised: dt.date, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Delivered on…"))
        heading = QLabel(what)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        hint = QLabel(_("On or before the promised day, the promise was kept; later, it was not."))
        hint.setWordWrap(True)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("deliveredCalendar")
        self.calendar.setGridVisible(True)
        bound_dates(self.calendar)
        self.calendar.setMaximumDate(QDate(today.year, today.month, today.day))
        day = min(promised, today)
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.activated.connect(lambda _date: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)
        self.calendar.setFocus()

    def day(self) -> dt.date:
        picked: dt.date = self.calendar.selectedDate().toPython()  # type: ignore[assignment]
        return picked
