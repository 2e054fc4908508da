"""Requests turned down: who, what they asked, why, whom they were referred, when to return."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from app.dto.outreach import DeclineDTO
from ui.item_models.list_table import ListTableModel
from ui.item_models.timeline_table import date_text

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Customer", "What they asked for", "Why not", "Referred to", "Come back on")
REASON_LABELS = {
    "outside_field": "Outside my field",
    "too_specialised": "Too specialised",
    "no_capacity": "No stock or capacity right now",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("DeclineTableModel", text)


class DeclineTableModel(ListTableModel):
    """A short list, loaded whole; the come-backs still ahead first."""

    columns = COLUMNS
    translate = staticmethod(tr)

    def set_rows(self, rows: Sequence[DeclineDTO]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def decline_at(self, row: int) -> DeclineDTO | None:
        return self.row_item(row)  # type: ignore[no-any-return]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index)
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return item.summary
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None

    def _text(self, item: DeclineDTO, column: int) -> str:
        if column == 0:
            return item.customer_name or tr("Not a customer")
        if column == 1:
            return " ".join(item.summary.split())
        if column == 2:
            return tr(REASON_LABELS.get(item.reason, item.reason))
        if column == 3:
            return item.partner_name
        return date_text(item.come_back_on) if item.come_back_on else ""
