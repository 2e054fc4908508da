"""A birthday picked as day, month name and (if known) year, in the locale's order."""

from __future__ import annotations

import calendar

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from app.dto.customers import Birthday
from app.i18n import _

# The year spin box's lowest value stands for "year not known".
NO_YEAR = 1899
LAST_YEAR = 2100


class BirthdayEdit(QWidget):
    """'12' 'November' '1980' (or 'November' '12' in month-first locales); no month means no
    birthday, the lowest year means the year is not known. Gives the text the service reads
    (YYYY-MM-DD, MM-DD or empty), so a birthday is never shown as '12-11'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        locale = QLocale()
        self.month = QComboBox()
        self.month.addItem(_("No birthday"), 0)
        for number in range(1, 13):
            self.month.addItem(locale.monthName(number, QLocale.FormatType.LongFormat), number)
        self.month.setAccessibleName(_("Birthday month"))
        self.day = QSpinBox()
        self.day.setRange(1, 31)
        self.day.setAccessibleName(_("Birthday day"))
        self.year = QSpinBox()
        self.year.setRange(NO_YEAR, LAST_YEAR)
        self.year.setSpecialValueText(_("year not known"))
        self.year.setGroupSeparatorShown(False)
        self.year.setAccessibleName(_("Birthday year"))
        self.year.setValue(NO_YEAR)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        short = locale.dateFormat(QLocale.FormatType.ShortFormat)
        month_first = 0 <= short.find("M") < short.find("d")
        for widget in (self.month, self.day) if month_first else (self.day, self.month):
            row.addWidget(widget)
        row.addWidget(self.year)
        row.addStretch(1)
        self.setFocusProxy(self.day if not month_first else self.month)
        self.month.currentIndexChanged.connect(self._enable)
        self.month.currentIndexChanged.connect(self._bound_day)
        self.year.valueChanged.connect(self._bound_day)
        self._enable()

    def set_birthday(self, birthday: Birthday | None) -> None:
        if birthday is None:
            self.month.setCurrentIndex(0)
            return
        self.month.setCurrentIndex(birthday.month)
        self.year.setValue(birthday.year or NO_YEAR)
        self.day.setValue(birthday.day)

    def text(self) -> str:
        """'1980-11-12', '11-12' without a year, '' without a birthday."""
        month = int(self.month.currentData())
        if month == 0:
            return ""
        day = self.day.value()
        year = self.year.value()
        return f"{month:02d}-{day:02d}" if year == NO_YEAR else f"{year:04d}-{month:02d}-{day:02d}"

    def _enable(self) -> None:
        known = int(self.month.currentData()) != 0
        self.day.setEnabled(known)
        self.year.setEnabled(known)

    def _bound_day(self) -> None:
        """No 31 November: the day stops at the month's last (29 February without a year)."""
        month = int(self.month.currentData())
        if month == 0:
            return
        year = self.year.value()
        last = calendar.monthrange(year if year != NO_YEAR else 2000, month)[1]
        self.day.setMaximum(last)
