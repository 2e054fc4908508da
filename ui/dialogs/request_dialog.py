"""Log an inbound request: what was asked and how it came in; the answer is due in working hours."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.dto.outreach import RequestDTO
from app.errors import KnownError
from app.kinds import CHANNEL_LABELS
from ui.dialogs.form_parts import error_label, ok_cancel, plain_label
from ui.error_text import shown


class RequestDialog(QDialog):
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
        self.saved: RequestDTO | None = None
        self.setWindowTitle(self.tr("Log request"))
        self.setMinimumWidth(460)
        self.summary = QLineEdit()
        self.summary.setObjectName("requestSummary")
        self.summary.setPlaceholderText(self.tr("What they asked for, in a few words"))
        self.channel = QComboBox()
        self.channel.setObjectName("requestChannel")
        for key, label in CHANNEL_LABELS.items():
            self.channel.addItem(self.tr(label), key)
        self.channel.setCurrentIndex(max(0, self.channel.findData(channel)))
        self.error = error_label()
        heading = (
            self.tr("Request from %1 — answer within %2 working hours")
            .replace("%1", customer_name)
            .replace("%2", str(response_hours))
        )
        form = QFormLayout()
        form.addRow(self.tr("&Request"), self.summary)
        form.addRow(self.tr("Came in by"), self.channel)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(heading))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("&Log request")))
        self.summary.setFocus()

    def accept(self) -> None:
        try:
            self.saved = self._save(self.summary.text(), str(self.channel.currentData()))
        except KnownError as exc:
            self.error.setText(shown(exc))
            self.error.show()
            return
        super().accept()
