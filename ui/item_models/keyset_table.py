"""A table read a page at a time as the view scrolls: each page starts after the last row's key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex

from ui.item_models.list_table import Index, ListTableModel

Row = TypeVar("Row")
Key = TypeVar("Key")


class KeysetTableModel(ListTableModel, Generic[Row, Key]):
    """Subclasses say how a page is read (`read_page`); the base keeps the rows, the next
    key and an index of rows by id (`row_of`), and fetches more when the view asks."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._row_of: dict[int, int] = {}
        self._next: Key | None = None
        self._exhausted = True

    def read_page(self, after: Key | None) -> tuple[Sequence[Row], Key | None]:
        """The page after `after` (None: the first) and the key to read the next one after."""
        raise NotImplementedError

    @staticmethod
    def row_id(row: Row) -> int:
        return int(row.id)  # type: ignore[attr-defined]

    def read_first_page(self) -> None:
        """Start over (call between beginResetModel and endResetModel)."""
        rows, self._next = self.read_page(None)
        self._rows = list(rows)
        self._row_of = {self.row_id(item): row for row, item in enumerate(self._rows)}
        self._exhausted = self._next is None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted:
            return
        rows, following = self.read_page(self._next)
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            for offset, item in enumerate(rows):
                self._row_of[self.row_id(item)] = first + offset
            self.endInsertRows()
        self._next = following
        self._exhausted = following is None

    def at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: int) -> int:
        """The row showing this id, or -1 when it is not loaded."""
        return self._row_of.get(row_id, -1)
