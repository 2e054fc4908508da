"""The deals of a sales file, each with the customer it goes to (the sales import preview)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.dto.sales_import import DealMatch
from app.i18n import _

Index = QModelIndex | QPersistentModelIndex


class DealTable(QAbstractTableModel):
    """Row, customer, close date, outcome and what was sold; a file's rows, read once."""

    def __init__(self, deals: Sequence[DealMatch]) -> None:
        super().__init__()
        self._rows = list(deals)
        self._headers = (
            _("Row"), _("Customer"), _("Closed"), _("Outcome"),
            _("What was sold"),
        )  # fmt: skip

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        deal = self._rows[index.row()]
        return (
            deal.row,
            deal.customer,
            deal.closed_on.isoformat(),
            _("Won") if deal.outcome == "won" else _("Lost"),
            deal.description,
        )[index.column()]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None
