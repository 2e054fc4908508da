"""A heading and one optional note: marking a promise, answering a request."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.errors import KnownError
from ui.dialogs.form_parts import error_label, ok_cancel, plain_label
from ui.error_text import shown

NOTE_LIMIT = 2000


class NoteDialog(QDialog):
    """`save(note)` runs on OK; a KnownError stays in the dialog. Enter saves, Escape cancels."""

    def __init__(
        self,
        title: str,
        heading: str,
        ok_text: str,
        save: Callable[[str], object],
        parent: QWidget | None = None,
        placeholder: str = "",
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.saved: object | None = None
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.note = QLineEdit()
        self.note.setObjectName("noteText")
        self.note.setMaxLength(NOTE_LIMIT)
        self.note.setPlaceholderText(placeholder or self.tr("Optional note"))
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(heading))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, ok_text))
        self.note.setFocus()

    def accept(self) -> None:
        try:
            self.saved = self._save(self.note.text())
        except KnownError as exc:
            self.error.setText(shown(exc))
            self.error.show()
            return
        super().accept()
