"""A heading and one optional note: marking a promise, answering a request."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.i18n import _
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.form_parts import plain_label

NOTE_LIMIT = 2000


class NoteDialog(FormDialog[object]):
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
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.note = QLineEdit()
        self.note.setObjectName("noteText")
        self.note.setMaxLength(NOTE_LIMIT)
        self.note.setPlaceholderText(placeholder or _("Optional note"))
        form = QFormLayout()
        form.addRow(_("&Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(heading))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.button_box(ok_text))
        self.note.setFocus()

    def save(self) -> object:
        return self._save(self.note.text())
