"""Log an inbound request: what was asked and how it came in; the answer is due in working hours."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.dto.outreach import RequestDTO
from app.i18n import _, ngettext
from app.kinds import CHANNEL_LABELS
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.form_parts import plain_label


class RequestDialog(FormDialog[RequestDTO]):
    """`save(summary, channel)` runs on OK; a KnownError stays in the dialog."""

    def __init__(
        self,
        customer_name: str,
        channel: str,
        response_hours: int,
        save: Callable[[str, str], RequestDTO],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(_("Log request"))
        self.setMinimumWidth(460)
        self.summary = QLineEdit()
        self.summary.setObjectName("requestSummary")
        self.summary.setPlaceholderText(_("What they asked for, in a few words"))
        self.channel = QComboBox()
        self.channel.setObjectName("requestChannel")
        for key, label in CHANNEL_LABELS.items():
            self.channel.addItem(_(label), key)
        self.channel.setCurrentIndex(max(0, self.channel.findData(channel)))
        heading = ngettext(
            "Request from {customer} — answer within {hours} working hour",
            "Request from {customer} — answer within {hours} working hours",
            response_hours,
        ).format(customer=customer_name, hours=response_hours)
        form = QFormLayout()
        form.addRow(_("&Request"), self.summary)
        form.addRow(_("Came in by"), self.channel)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(heading))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.button_box(_("&Log request")))
        self.summary.setFocus()

    def save(self) -> RequestDTO:
        return self._save(self.summary.text(), str(self.channel.currentData()))
