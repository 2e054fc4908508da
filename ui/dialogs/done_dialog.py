"""Mark a follow-up done: a short optional outcome note and the channel actually used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.dto.vocabulary import Kind
from app.i18n import _
from app.kinds import CHANNEL_LABELS
from ui.dialogs.touchpoint_form import TouchpointFormDialog
from ui.item_models.agenda_table import channel_text

if TYPE_CHECKING:
    from app.dto.touchpoints import TouchpointDTO

NOTE_LIMIT = 5000


class DoneDialog(TouchpointFormDialog):
    """The caller records the result."""

    def __init__(self, touchpoint: TouchpointDTO, parent: QWidget | None = None) -> None:
        super().__init__(touchpoint, _("Mark done"), _("Mark &done"), parent)
        self.note = QLineEdit()
        self.note.setObjectName("doneNote")
        self.note.setMaxLength(NOTE_LIMIT)
        self.note.setPlaceholderText(_("Optional: what came out of it"))
        self.channel = QComboBox()
        self.channel.setObjectName("doneChannel")
        for key in CHANNEL_LABELS:
            self.channel.addItem(channel_text(key), key)
        self.channel.setCurrentIndex(max(0, self.channel.findData(touchpoint.channel)))
        self.form.addRow(_("&Outcome"), self.note)
        self.form.addRow(_("&Channel used"), self.channel)
        # A referral ask's answer feeds Insights' "referral asks made and answered".
        self.answer = QComboBox()
        self.answer.setObjectName("doneReferralAnswer")
        self.answer.addItem(_("No answer yet"), None)
        self.answer.addItem(_("Yes: a referral, testimonial or recommendation"), True)
        self.answer.addItem(_("No"), False)
        if touchpoint.kind == Kind.REFERRAL:
            self.form.addRow(_("Their &answer"), self.answer)
        else:
            self.answer.setVisible(False)
        self.note.setFocus()

    def note_text(self) -> str:
        return self.note.text()

    def channel_used(self) -> str:
        return str(self.channel.currentData())

    def referral_answer(self) -> bool | None:
        """For a referral ask: True (they gave one), False (they declined) or None."""
        value = self.answer.currentData()
        return None if value is None else bool(value)
