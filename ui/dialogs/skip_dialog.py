"""Skip a follow-up, saying why (kept with the history)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from app.dto.touchpoints import TouchpointDTO

REASON_LIMIT = 2000


class SkipDialog(QDialog):
    """Enter confirms, Escape cancels; the caller records the result."""

    def __init__(self, touchpoint: TouchpointDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Skip follow-up"))
        self.setMinimumWidth(420)
        heading = QLabel(touchpoint.title)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("skipReason")
        self.reason.setMaxLength(REASON_LIMIT)
        self.reason.setPlaceholderText(self.tr("Why it is not needed"))
        common = [
            self.tr("Already in touch this week"),
            self.tr("Customer asked for fewer contacts"),
            self.tr("No longer relevant"),
        ]
        completer = QCompleter(common, self.reason)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.reason.setCompleter(completer)

        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Skip it"))
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.text()
