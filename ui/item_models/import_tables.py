"""Table models for the import preview: proposed merges with a choice each, errors, warnings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.dto.imports import DUPLICATE_CHOICES, Duplicate, RowError, RowWarning
from app.i18n import N_, _

Index = QModelIndex | QPersistentModelIndex
CHOICE_COLUMN = 4
# Each proposed merge is a pair the user accepts (merge) or refuses (a customer of their own).
CHOICE_LABELS = {
    "merge": N_("Accept: merge (fill empty fields)"),
    "add": N_("Refuse: add as a new customer"),
    "skip": N_("Skip this row"),
}


def _contact(name: str, email: str, phone: str) -> str:
    return " · ".join(part for part in (name, email, phone) if part)


class DuplicateTable(QAbstractTableModel):
    """Row, the contact in the file, the customer it matches, why, and the choice (editable)."""

    def __init__(self, duplicates: Sequence[Duplicate], default: str = "skip") -> None:
        super().__init__()
        self._rows = list(duplicates)
        self._default = default
        self.choices: dict[int, str] = {}
        self._headers = (
            _("Row"), _("In the file"), _("Looks like"), _("Why"),
            _("Choice"),
        )  # fmt: skip

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def choice(self, row: int) -> str:
        return self.choices.get(self._rows[row].row, self._default)

    def set_default(self, choice: str) -> None:
        self._default = choice
        self.choices.clear()
        if self._rows:
            top, bottom = (
                self.index(0, CHOICE_COLUMN),
                self.index(len(self._rows) - 1, CHOICE_COLUMN),
            )
            self.dataChanged.emit(top, bottom)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
        ):  # fmt: skip
            return None
        dup = self._rows[index.row()]
        choice = self.choice(index.row())
        if index.column() == CHOICE_COLUMN:
            return choice if role == Qt.ItemDataRole.EditRole else _(CHOICE_LABELS[choice])
        values = dup.values
        shown = (
            dup.row, _contact(values["name"], values["email"], values["phone"]),
            dup.customer_name or "", dup.reason,
        )  # fmt: skip
        return shown[index.column()]

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if index.column() != CHOICE_COLUMN or value not in DUPLICATE_CHOICES:
            return False
        self.choices[self._rows[index.row()].row] = str(value)
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == CHOICE_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None


class ErrorTable(QAbstractTableModel):
    """Row number and reason of each row that cannot be imported."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        super().__init__()
        self._rows = list(errors)
        self._headers = (_("Row"), _("Problem"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        error = self._rows[index.row()]
        return error.row if index.column() == 0 else error.error

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < 2 else None
        return None


class WarningTable(QAbstractTableModel):
    """Values that could not be read: row, field, the value as written, what became of it."""

    def __init__(self, warnings: Sequence[RowWarning]) -> None:
        super().__init__()
        self._rows = list(warnings)
        self._headers = (_("Row"), _("Field"), _("In the file"), _("Kept"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        warning = self._rows[index.row()]
        return (str(warning.row), warning.field, warning.value, warning.message)[index.column()]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None
