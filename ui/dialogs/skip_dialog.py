"""Skip a follow-up, saying why (kept with the history)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app.i18n import _
from ui.dialogs.touchpoint_form import TouchpointFormDialog

if TYPE_CHECKING:
    from app.dto.touchpoints import TouchpointDTO

REASON_LIMIT = 2000


class SkipDialog(TouchpointFormDialog):
    """The caller records the result."""

    def __init__(self, touchpoint: TouchpointDTO, parent: QWidget | None = None) -> None:
        super().__init__(touchpoint, _("Skip follow-up"), _("&Skip it"), parent)
        self.reason = QLineEdit()
        self.reason.setObjectName("skipReason")
        self.reason.setMaxLength(REASON_LIMIT)
        self.reason.setPlaceholderText(_("Why it is not needed"))
        common = [
            _("Already in touch this week"),
            _("Customer asked for fewer contacts"),
            _("No longer relevant"),
        ]
        completer = QCompleter(common, self.reason)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.reason.setCompleter(completer)
        self.form.addRow(_("&Reason"), self.reason)
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.text()
