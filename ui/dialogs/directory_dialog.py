"""A list beside an edit form: the shape of the partner and library management dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from app.i18n import _
from ui.dialogs.form_parts import error_label
from ui.error_text import shown


class DirectoryDialog(QDialog):
    """Subclasses fill `form`, and implement `load_rows`, `fill`, `clear_form` and `save`."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumSize(760, 440)
        self.current_id: int | None = None
        self.changed = False
        self.rows = QListWidget()
        self.rows.setObjectName("directoryList")
        self.form = QFormLayout()
        self.error = error_label()
        self.new_button = QPushButton(_("&New"))
        self.new_button.setObjectName("directoryNew")
        self.save_button = QPushButton(_("&Save"))
        self.save_button.setObjectName("directorySave")
        self.save_button.setDefault(True)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save_current)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        edit = QVBoxLayout()
        edit.addLayout(self.form)
        edit.addWidget(self.error)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        edit.addLayout(actions)
        edit.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.rows, 2)
        body.addLayout(edit, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.rows.currentItemChanged.connect(lambda *_: self._show_current())

    # --- for subclasses --------------------------------------------------------------
    def load_rows(self) -> list[tuple[int, str]]:
        raise NotImplementedError

    def fill(self, row_id: int) -> None:
        raise NotImplementedError

    def clear_form(self) -> None:
        raise NotImplementedError

    def save(self, row_id: int | None) -> int:
        """Store the form (a new row when row_id is None); returns the row's id."""
        raise NotImplementedError

    # --- behaviour -------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        self.rows.blockSignals(True)
        self.rows.clear()
        for row_id, text in self.load_rows():
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            self.rows.addItem(item)
            if row_id == select:
                self.rows.setCurrentItem(item)
        self.rows.blockSignals(False)
        self._show_current()

    def start_new(self) -> None:
        self.rows.setCurrentRow(-1)
        self.current_id = None
        self.clear_form()
        self.error.hide()

    def save_current(self) -> None:
        try:
            saved = self.save(self.current_id)
        except KnownError as exc:
            self.error.setText(shown(exc))
            self.error.show()
            return
        self.error.hide()
        self.changed = True
        self.reload(select=saved)

    def _show_current(self) -> None:
        item = self.rows.currentItem()
        self.error.hide()
        if item is None:
            self.current_id = None
            self.clear_form()
            return
        self.current_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.fill(self.current_id)
