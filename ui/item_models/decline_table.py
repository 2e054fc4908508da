"""Requests turned down: who, what they asked, why, whom they were referred, when to return."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from app.dto.outreach import DeclineDTO
from app.i18n import N_, _
from ui.item_models.list_table import ListTableModel
from ui.item_models.timeline_table import date_text

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    N_("Customer"),
    N_("What they asked for"),
    N_("Why not"),
    N_("Referred to"),
    N_("Come back on"),
)
REASON_LABELS = {
    "outside_field": N_("Outside my field"),
    "too_specialised": N_("Too specialised"),
    "no_capacity": N_("No stock or capacity right now"),
}


class DeclineTableModel(ListTableModel):
    """A short list, loaded whole; the come-backs still ahead first."""

    columns = COLUMNS
    translate = staticmethod(_)

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
            return item.customer_name or _("Not a customer")
        if column == 1:
            return " ".join(item.summary.split())
        if column == 2:
            return _(REASON_LABELS.get(item.reason, item.reason))
        if column == 3:
            return item.partner_name
        return date_text(item.come_back_on) if item.come_back_on else ""
