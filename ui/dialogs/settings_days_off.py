"""Personal days off as ranges picked with dates ('24 Dec – 2 Jan'), added and removed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from ui.dates import range_text
from ui.dialogs.form_parts import date_edit, date_of

# A holiday, a sabbatical: longer is a settings slip (the planner refuses a calendar that
# leaves no working day for two years anyway).
LONGEST_RANGE_DAYS = 366
_ONE_DAY = dt.timedelta(days=1)


def as_ranges(days: Iterable[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Consecutive days as (first, last) ranges, in order."""
    ranges: list[tuple[dt.date, dt.date]] = []
    for day in sorted(set(days)):
        if ranges and ranges[-1][1] + _ONE_DAY == day:
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges


class DaysOffEditor(QWidget):
    """From [date] to [date] Add; the list of ranges below, each removable."""

    changed = Signal()
    # Why a picked range was not added, for the field's error line.
    refused = Signal(str)

    def __init__(self, days: Iterable[dt.date], today: dt.date) -> None:
        super().__init__()
        self._days = set(days)
        self._today = today
        self.first = date_edit(today)
        self.last = date_edit(today)
        self.first.setAccessibleName(_("First day off"))
        self.last.setAccessibleName(_("Last day off"))
        # Picking a first day after the last one carries the last one along.
        self.first.dateChanged.connect(lambda day: self.last.setDate(max(day, self.last.date())))
        self.add = QPushButton(_("&Add"))
        self.add.clicked.connect(self.add_picked)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName(_("Days off"))
        self.list.setMaximumHeight(self.fontMetrics().height() * 7)
        self.remove = QPushButton(_("Re&move"))
        self.remove.clicked.connect(self.remove_selected)
        # Enter anywhere in the dialog means OK, even after clicking one of these.
        for button in (self.add, self.remove):
            button.setAutoDefault(False)
        self.list.itemSelectionChanged.connect(self._enable)
        self.empty = QLabel(_("None yet: pick the first and last day, then Add."))
        self.empty.setEnabled(False)
        pick = QHBoxLayout()
        pick.setContentsMargins(0, 0, 0, 0)
        pick.addWidget(QLabel(_("From")))
        pick.addWidget(self.first)
        pick.addWidget(QLabel(_("to")))
        pick.addWidget(self.last)
        pick.addWidget(self.add)
        pick.addStretch(1)
        below = QHBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.empty, 1)
        below.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignRight)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(pick)
        column.addWidget(self.list)
        column.addLayout(below)
        self._fill()

    @property
    def focus_widgets(self) -> list[QWidget]:
        return [self.first, self.last, self.add, self.list, self.remove]

    def days(self) -> tuple[dt.date, ...]:
        return tuple(sorted(self._days))

    def add_picked(self) -> None:
        """Add the picked range (refused, with the reason, when longer than a year)."""
        first, last = date_of(self.first), date_of(self.last)
        if last < first:
            first, last = last, first
        if (last - first).days >= LONGEST_RANGE_DAYS:
            count = (last - first).days + 1
            self.refused.emit(
                ngettext(
                    "Days off can be a year at a time at most; this is {count} day.",
                    "Days off can be a year at a time at most; these are {count} days.",
                    count,
                ).format(count=count)
            )
            return
        self._days.update(first + n * _ONE_DAY for n in range((last - first).days + 1))
        self._fill(select=first)
        self.changed.emit()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            first, last = item.data(Qt.ItemDataRole.UserRole)
            self._days.difference_update(
                first + n * _ONE_DAY for n in range((last - first).days + 1)
            )
        self._fill()
        self.changed.emit()

    def _fill(self, select: dt.date | None = None) -> None:
        self.list.clear()
        for first, last in as_ranges(self._days):
            item = QListWidgetItem(range_text(first, last, self._today))
            item.setData(Qt.ItemDataRole.UserRole, (first, last))
            days = (last - first).days + 1
            item.setToolTip(ngettext("{count} day", "{count} days", days).format(count=days))
            self.list.addItem(item)
            if select is not None and first <= select <= last:
                self.list.setCurrentItem(item)
        self.empty.setVisible(not self._days)
        self.list.setVisible(bool(self._days))
        self._enable()

    def _enable(self) -> None:
        self.remove.setEnabled(bool(self.list.selectedItems()))
