"""Mark a follow-up done: a short optional outcome note and the channel actually used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.kinds import CHANNEL_LABELS
from ui.dialogs.touchpoint_form import TouchpointFormDialog
from ui.item_models.agenda_table import channel_text

if TYPE_CHECKING:
    from app.dto.touchpoints import TouchpointDTO

NOTE_LIMIT = 5000


class DoneDialog(TouchpointFormDialog):
    """The caller records the result."""

    def __init__(self, touchpoint: TouchpointDTO, parent: QWidget | None = None) -> None:
        super().__init__(touchpoint, self.tr("Mark done"), self.tr("Mark &done"), parent)
        self.note = QLineEdit()
        self.note.setObjectName("doneNote")
        self.note.setMaxLength(NOTE_LIMIT)
        self.note.setPlaceholderText(self.tr("Optional: what came out of it"))
        self.channel = QComboBox()
        self.channel.setObjectName("doneChannel")
        for key in CHANNEL_LABELS:
            self.channel.addItem(channel_text(key), key)
        self.channel.setCurrentIndex(max(0, self.channel.findData(touchpoint.channel)))
        self.form.addRow(self.tr("&Outcome"), self.note)
        self.form.addRow(self.tr("&Channel used"), self.channel)
        self.note.setFocus()

    def note_text(self) -> str:
        return self.note.text()

    def channel_used(self) -> str:
        return str(self.channel.currentData())
