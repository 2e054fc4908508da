"""Log a contact that happened: channel and a few words; Enter saves, Escape cancels."""

from __future__ import annotations

from collections.abc import Callable

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

from app.errors import KnownError
from app.kinds import CHANNEL_LABELS
from app.services.interactions import InteractionDTO
from ui.error_text import shown


class InteractionDialog(QDialog):
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
        self.saved: InteractionDTO | None = None
        self.setWindowTitle(self.tr("Log interaction"))
        self.setMinimumWidth(460)
        heading = QLabel(self.tr("Contact with %1").replace("%1", customer_name))
        heading.setWordWrap(True)
        # User text: never interpreted as markup.
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.channel = QComboBox()
        for key, label in CHANNEL_LABELS.items():
            self.channel.addItem(self.tr(label), key)
        self.channel.setCurrentIndex(max(0, self.channel.findData(channel)))
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(self.tr("What happened, in a few words"))
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: palette(highlight); font-weight: bold;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("C&hannel"), self.channel)
        form.addRow(self.tr("&Summary"), self.summary)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.channel, self.summary)
        self.summary.setFocus()

    def accept(self) -> None:
        try:
            self.saved = self._save(self.summary.text(), str(self.channel.currentData()))
        except KnownError as exc:
            self.error.setText(shown(exc))
            self.error.show()
            self.summary.setFocus()
            return
        super().accept()
