"""The numbers behind a chart as a table: text cells, numbers aligned right, one id per row
(the customer a row is about, for click-through)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from ui.item_models.list_table import Index, ListTableModel

Cell = str | int | float | None


class FigureTableModel(ListTableModel):
    """Read only; `show` replaces header and rows at once."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: Sequence[int | None] = ()

    def show(
        self,
        columns: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        ids: Sequence[int | None] | None = None,
    ) -> None:
        self.beginResetModel()
        self.columns = tuple(columns)
        self._rows = [tuple(row) for row in rows]
        self._ids = tuple(ids) if ids is not None else (None,) * len(rows)
        self.endResetModel()

    def row_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def rows(self) -> list[tuple[Cell, ...]]:
        return list(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def parent_index(self) -> QModelIndex:
        return QModelIndex()


def cell_text(value: Cell) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)
