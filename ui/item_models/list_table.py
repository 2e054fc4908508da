"""A table model over an in-memory list of rows: counts, headers and row lookup in one place."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel):
    """Subclasses set `columns` and `translate`, fill `_rows`, and answer `data`."""

    columns: Sequence[str] = ()
    # The module's _(): headers are translated in the subclass's own context.
    translate: Callable[[str], str] = staticmethod(lambda text: text)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[Any] = ()

    def row_item(self, row: int) -> Any:
        """The row's object, or None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def item(self, index: Index) -> Any:
        return self.row_item(index.row()) if index.isValid() else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return self.translate(self.columns[section])
        return None
