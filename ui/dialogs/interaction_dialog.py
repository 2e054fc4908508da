"""Log a contact that happened: channel and a few words; Enter saves, Escape cancels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.dto.timeline import InteractionDTO
from app.kinds import CHANNEL_LABELS
from ui.dialogs.form_dialog import FormDialog
from ui.texts import fill


class InteractionDialog(FormDialog[InteractionDTO]):
    """`save(summary, channel)` is called on Save and may raise KnownError (shown inline)."""

    def __init__(
        self,
        save: Callable[[str, str], InteractionDTO],
        channel: str,
        customer_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(self.tr("Log interaction"))
        self.setMinimumWidth(460)
        heading = QLabel(fill(self.tr("Contact with %1"), customer_name))
        heading.setWordWrap(True)
        # User text: never interpreted as markup.
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.channel = QComboBox()
        for key, label in CHANNEL_LABELS.items():
            self.channel.addItem(self.tr(label), key)
        self.channel.setCurrentIndex(max(0, self.channel.findData(channel)))
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(self.tr("What happened, in a few words"))
        form = QFormLayout()
        form.addRow(self.tr("C&hannel"), self.channel)
        form.addRow(self.tr("&Summary"), self.summary)
        buttons = self.button_box(ok=QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.channel, self.summary)
        self.summary.setFocus()

    def save(self) -> InteractionDTO:
        return self._save(self.summary.text(), str(self.channel.currentData()))

    def refused(self) -> None:
        self.summary.setFocus()
