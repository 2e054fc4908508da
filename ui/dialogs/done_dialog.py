"""Mark a follow-up done: a short optional outcome note and the channel actually used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.kinds import CHANNEL_LABELS
from ui.item_models.agenda_table import channel_text

if TYPE_CHECKING:
    from app.dto.touchpoints import TouchpointDTO

NOTE_LIMIT = 5000


class DoneDialog(QDialog):
    """Enter confirms, Escape cancels; the caller records the result."""

    def __init__(self, touchpoint: TouchpointDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark done"))
        self.setMinimumWidth(420)
        heading = QLabel(touchpoint.title)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setObjectName("doneNote")
        self.note.setMaxLength(NOTE_LIMIT)
        self.note.setPlaceholderText(self.tr("Optional: what came out of it"))
        self.channel = QComboBox()
        self.channel.setObjectName("doneChannel")
        for key in CHANNEL_LABELS:
            self.channel.addItem(channel_text(key), key)
        self.channel.setCurrentIndex(max(0, self.channel.findData(touchpoint.channel)))

        form = QFormLayout()
        form.addRow(self.tr("&Outcome"), self.note)
        form.addRow(self.tr("&Channel used"), self.channel)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Mark &done"))
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.note.setFocus()

    def note_text(self) -> str:
        return self.note.text()

    def channel_used(self) -> str:
        return str(self.channel.currentData())
