"""A customer's promises as a Qt table: what, due, buffer, status; late open ones in red."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.dto.commitments import CommitmentDTO
from app.i18n import N_, _, ngettext
from ui.item_models.agenda_table import overdue_brush
from ui.item_models.list_table import ListTableModel
from ui.item_models.timeline_table import date_text

Index = QModelIndex | QPersistentModelIndex
COLUMNS: tuple[str, ...] = (N_("Promise"), N_("Due"), N_("Buffer"), N_("Status"))
# Across customers (the Promises & requests screen) the customer comes first.
ALL_COLUMNS = (N_("Customer"), *COLUMNS)
STATUS_LABELS = {
    "on_track": N_("On track"),
    "at_risk": N_("At risk"),
    "kept": N_("Kept"),
    "broken": N_("Broken"),
    "recovered": N_("Recovered"),
}


def status_text(item: CommitmentDTO, today: dt.date) -> str:
    """On track; at risk once its buffer ran out (a delivery: to confirm); recovering once
    its recovery started; then kept, broken or recovered."""
    if item.status == "at_risk" and item.recovery_started_at is not None:
        return _("Recovering")
    if item.status == "on_track" and item.check_on < today:
        return _("Delivery to confirm") if item.sale_id is not None else _("At risk")
    return _(STATUS_LABELS.get(item.outcome or item.status, item.status))


class CommitmentTableModel(ListTableModel):
    """A short list, loaded whole."""

    columns = COLUMNS
    translate = staticmethod(_)

    def __init__(self, parent: Any = None, *, with_customer: bool = False) -> None:
        super().__init__(parent)
        self._rows: list[CommitmentDTO] = []
        self.today = dt.date.min
        self._first = 1 if with_customer else 0
        if with_customer:
            self.columns = ALL_COLUMNS

    def set_rows(self, rows: Sequence[CommitmentDTO], today: dt.date) -> None:
        self.beginResetModel()
        self._rows, self.today = list(rows), today
        self.endResetModel()

    def commitment_at(self, row: int) -> CommitmentDTO | None:
        return self.row_item(row)  # type: ignore[no-any-return]

    def row_of(self, commitment_id: int) -> int:
        return next((n for n, item in enumerate(self._rows) if item.id == commitment_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.column())
        late = item.is_open and (item.status == "at_risk" or item.check_on < self.today)
        if role == Qt.ItemDataRole.ForegroundRole and late:
            return overdue_brush()
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self._first and item.note:
            return item.note
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None

    def _text(self, item: CommitmentDTO, column: int) -> str:
        if self._first and column == 0:
            return item.customer_name
        column -= self._first
        if column == 0:
            return item.text
        if column == 1:
            return date_text(item.due_on)
        if column == 2:
            days = item.buffer_days
            return ngettext("{n} day", "{n} days", days).format(n=days) if days else ""
        return status_text(item, self.today)
