"""The record-a-sale preview: planned follow-ups as a table whose dates can be edited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDateEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.dto.touchpoints import PlannedPreview
from app.i18n import N_, _
from app.kinds import kind_label
from ui.date_range import bound_dates
from ui.dates import edit_format, time_text
from ui.item_models.timeline_table import channel_text, date_text

Index = QModelIndex | QPersistentModelIndex
DELIVERY_ANCHORS = frozenset({"delivery", "promised_delivery", "actual_delivery"})


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PreviewTableModel(QAbstractTableModel):
    """The touchpoints a sale would create; the date column takes the user's changes."""

    COLUMNS = (N_("Date"), N_("Time"), N_("Follow-up"), N_("Channel"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[PlannedPreview] = []
        self._overrides: dict[tuple[int, int], dt.date] = {}

    def set_items(self, items: Sequence[PlannedPreview]) -> None:
        """New preview rows; dates the user set stay with their (step, occurrence)."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def clear_overrides(self) -> None:
        if self._overrides:
            self._overrides.clear()
            if self._items:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, 0))

    def overrides(self) -> dict[tuple[int, int], dt.date]:
        """The user's dates for the steps in the current preview."""
        keys = {(item.step_position, item.occurrence) for item in self._items}
        return {key: day for key, day in self._overrides.items() if key in keys}

    def item_at(self, row: int) -> PlannedPreview | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def due(self, row: int) -> dt.date | None:
        """The date the touchpoint will get: the user's if they moved it, else the plan's."""
        item = self._items[row]
        return self._overrides.get((item.step_position, item.occurrence), item.due_date)

    def _moved(self, item: PlannedPreview) -> bool:
        return (item.step_position, item.occurrence) in self._overrides

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        item = self.item_at(index.row()) if index.isValid() else None
        if item is not None and index.column() == 0 and item.due_date is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, column, due = self._items[index.row()], index.column(), self.due(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column, due)
        if role == Qt.ItemDataRole.EditRole and column == 0 and due is not None:
            return to_qdate(due)
        if role == Qt.ItemDataRole.UserRole:
            return due
        if role == Qt.ItemDataRole.FontRole and column == 0 and self._moved(item):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and self._moved(item):
            planned = date_text(item.due_date) if item.due_date else ""
            return _("The plan said {day}; you moved it.").format(day=planned)
        return None

    def _text(self, item: PlannedPreview, column: int, due: dt.date | None) -> str:
        if column == 0:
            if due is not None:
                return date_text(due)
            if item.waiting_for in DELIVERY_ANCHORS:
                return _("after delivery is known")
            return _("after the previous step is done")
        if column == 1:
            return time_text(item.time_of_day) if item.time_of_day else _("all day")
        if column == 2:
            return _(kind_label(item.kind))
        return channel_text(item.channel)

    def setData(  # noqa: N802
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        item = self.item_at(index.row()) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or index.column() != 0 or item is None:
            return False
        if item.due_date is None or not isinstance(value, QDate) or not value.isValid():
            return False
        day: dt.date = value.toPython()  # type: ignore[assignment]
        key = (item.step_position, item.occurrence)
        if day == item.due_date:
            self._overrides.pop(key, None)
        else:
            self._overrides[key] = day
        self.dataChanged.emit(index, index)
        return True

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return _(self.COLUMNS[section])
        return None


class DateDelegate(QStyledItemDelegate):
    """A date editor for the preview's date column, never before the close."""

    def __init__(self, minimum: Callable[[], QDate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._minimum = minimum

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat(edit_format())
        bound_dates(editor)
        editor.setMinimumDate(self._minimum())
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDateEdit) and isinstance(value, QDate):
            editor.setDate(value)

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        if isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
