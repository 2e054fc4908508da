"""A rendered message draft, read-only, with copy, open-in-mail and tel:/mailto: links."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from app.dto.touchpoints import Draft, TouchpointDTO


def link(url: str, text: str) -> str:
    """A rich-text link; both parts escaped (customer data may hold markup)."""
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>'


class DraftPane(QWidget):
    """Shows one draft; Copy and Open in mail client act on it and report by `status`."""

    status = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft: Draft | None = None
        self.heading = QLabel()
        self.heading.setObjectName("draftHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.email = self._link_label("draftEmail")
        self.phone = self._link_label("draftPhone")
        self.subject = QLineEdit()
        self.subject.setObjectName("draftSubject")
        self.subject.setReadOnly(True)
        self.body = QPlainTextEdit()
        self.body.setObjectName("draftBody")
        self.body.setReadOnly(True)
        # Read-only, yet selectable with the keyboard; Tab moves on instead of being typed.
        self.body.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.body.setTabChangesFocus(True)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setObjectName("copyDraft")
        self.copy_button.setToolTip(self.tr("Copy subject and message to the clipboard"))
        self.open_mail_button = QPushButton(self.tr("Open in &mail client"))
        self.open_mail_button.setObjectName("openMail")
        self.copy_button.clicked.connect(self.copy)
        self.open_mail_button.clicked.connect(self.open_mail)

        contact = QFormLayout()
        contact.addRow(self.tr("E-mail:"), self.email)
        contact.addRow(self.tr("Phone:"), self.phone)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.open_mail_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(contact)
        layout.addWidget(self.subject)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)
        self.show_nothing()

    def tab_chain(self) -> list[QWidget]:
        """Draft first, then what acts on it: the order Tab should follow."""
        return [
            self.subject,
            self.body,
            self.copy_button,
            self.open_mail_button,
            self.email,
            self.phone,
        ]

    @staticmethod
    def _link_label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setOpenExternalLinks(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        return label

    def show_draft(self, touchpoint: TouchpointDTO, draft: Draft) -> None:
        self.draft = draft
        self.heading.setText(touchpoint.title)
        self.email.setText(
            link(f"mailto:{draft.to_email}", draft.to_email)
            if draft.to_email
            else html.escape(self.tr("no e-mail address"))
        )
        self.phone.setText(
            link(draft.tel, draft.to_phone)
            if draft.tel
            else html.escape(self.tr("no phone number"))
        )
        self.subject.setText(draft.subject)
        self.subject.setCursorPosition(0)
        self.body.setPlainText(draft.body)
        self.copy_button.setEnabled(True)
        self.open_mail_button.setEnabled(bool(draft.mailto))
        self.open_mail_button.setToolTip(
            self.tr("Start an e-mail with this subject and text")
            if draft.mailto
            else self.tr("This customer has no e-mail address")
        )

    def show_nothing(self, text: str = "") -> None:
        self.draft = None
        self.heading.setText(text or self.tr("Select a follow-up to see its message."))
        for label in (self.email, self.phone):
            label.clear()
        self.subject.clear()
        self.body.clear()
        self.copy_button.setEnabled(False)
        self.open_mail_button.setEnabled(False)

    def text(self) -> str:
        if self.draft is None:
            return ""
        return f"{self.draft.subject}\n\n{self.draft.body}".strip()

    def copy(self) -> None:
        if self.draft is None:
            return
        QGuiApplication.clipboard().setText(self.text())
        self.status.emit(self.tr("Copied the message to the clipboard."))

    def open_mail(self) -> None:
        if self.draft is None or not self.draft.mailto:
            return
        if QDesktopServices.openUrl(QUrl(self.draft.mailto)):
            self.status.emit(self.tr("Opened the message in your mail program."))
        else:
            self.status.emit(
                self.tr("No mail program answered; use Copy and paste the message instead.")
            )
