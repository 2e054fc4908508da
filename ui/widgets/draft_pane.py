"""A draft in its form (message, short text, call script, checklist): the salesperson's to
edit, with the actions that form allows and what still stands between it and sending."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.look.icons import icon
from ui.widgets import draft_notes as notes

if TYPE_CHECKING:
    from app.dto.outreach import LibraryItemDTO
    from app.dto.touchpoints import Draft, TouchpointDTO

# Typing pauses this long before the words are kept with the follow-up.
SAVE_AFTER_MS = 700
# A part only the salesperson can write: "[One line on why it matters to you]".
SLOT = re.compile(r"\[[^\[\]\n]+\]")
# The buttons' icons, by what they do.
BUTTON_ICONS = {"tel": "phone-call", "mail": "send", "sms": "message-square", "copy": "copy"}


class DraftPane(QWidget):
    """Shows one draft and keeps what the salesperson types: `edited` fires once typing
    pauses (or before the draft is used or left); the controller saves it."""

    status = Signal(str)
    # The draft's warning asked for the profile ("Fill in your profile").
    profile_requested = Signal()
    # (touchpoint id, subject, body) as typed.
    edited = Signal(int, str, str)
    reset_requested = Signal(int)
    # Put a library item (by id) into the draft, take it out, or choose one from the list.
    item_chosen = Signal(int)
    item_removed = Signal()
    choose_item = Signal()
    # Mail, text or call: the controller opens it; then "Sent it?" asks before marking done.
    send_requested = Signal(str)
    done_confirmed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft: Draft | None = None
        self._title = ""
        self._suggested: int | None = None
        self._loading = False
        self._dirty = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_AFTER_MS)
        self._save_timer.timeout.connect(self.flush)
        self._build()

    # --- layout ---------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = self._label("draftHeading", Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.form_label = self._label("draftForm", Qt.TextFormat.PlainText)
        self.warnings = self._label("draftWarnings", Qt.TextFormat.RichText)
        self.warnings.linkActivated.connect(lambda _url: self.profile_requested.emit())
        self.email = self._link_label("draftEmail")
        self.phone = self._link_label("draftPhone")
        self.checklist = self._label("draftChecklist", Qt.TextFormat.RichText)
        self.value = self._label("draftValue", Qt.TextFormat.RichText)
        self.value.linkActivated.connect(self._value_link)
        self.subject = QLineEdit()
        self.subject.setObjectName("draftSubject")
        self.subject.setPlaceholderText(_("Subject"))
        self.subject.textEdited.connect(self._typed)
        self.body = QPlainTextEdit()
        self.body.setObjectName("draftBody")
        self.body.setTabChangesFocus(True)
        self.body.textChanged.connect(self._typed)
        self.call_button = self._button(_("C&all"), "callCustomer", "tel")
        self.open_mail_button = self._button(_("Open in &mail client"), "openMail", "mail")
        self.text_button = self._button(_("Send as &text"), "sendText", "sms")
        self.copy_button = self._button(_("&Copy"), "copyDraft", "copy")
        self.reset_button = QPushButton(icon("rotate-ccw"), _("&Reset to the plan's text"))
        self.reset_button.setObjectName("resetDraft")
        self.reset_button.setToolTip(_("Undo your changes to this follow-up's draft"))
        self.reset_button.clicked.connect(self._reset)
        self.sent_bar = self._sent_bar()

        contact = QFormLayout()
        contact.addRow(_("E-mail:"), self.email)
        contact.addRow(_("Phone:"), self.phone)
        buttons = QHBoxLayout()
        for button in (self.call_button, self.open_mail_button, self.text_button):
            buttons.addWidget(button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        # Undoing one's edits is a step apart from sending: its own line, at the right, so a
        # long translation of either row never squeezes the other.
        undo_row = QHBoxLayout()
        undo_row.addStretch(1)
        undo_row.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.form_label, self.warnings):
            layout.addWidget(widget)
        layout.addLayout(contact)
        layout.addWidget(self.checklist)
        layout.addWidget(self.value)
        layout.addWidget(self.subject)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.sent_bar)
        layout.addLayout(buttons)
        layout.addLayout(undo_row)
        self.show_nothing()

    def _label(self, name: str, text_format: Qt.TextFormat) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(text_format)
        return label

    def _link_label(self, name: str) -> QLabel:
        label = self._label(name, Qt.TextFormat.RichText)
        label.setOpenExternalLinks(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        return label

    def _button(self, text: str, name: str, how: str) -> QPushButton:
        button = QPushButton(icon(BUTTON_ICONS[how]), text)
        button.setObjectName(name)
        if how == "copy":
            button.clicked.connect(self.copy)
        else:
            button.clicked.connect(lambda: self._send(how))
        return button

    def _sent_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("draftSentBar")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.sent_question = QLabel()
        self.sent_question.setWordWrap(True)
        self.mark_done_button = QPushButton(_("Mark &done"))
        self.mark_done_button.setObjectName("draftMarkDone")
        self.mark_done_button.clicked.connect(self._confirm_done)
        self.not_yet_button = QPushButton(_("Not yet"))
        self.not_yet_button.setObjectName("draftNotYet")
        self.not_yet_button.clicked.connect(bar.hide)
        row = QHBoxLayout(bar)
        row.addWidget(self.sent_question, 1)
        row.addWidget(self.mark_done_button)
        row.addWidget(self.not_yet_button)
        bar.hide()
        return bar

    def tab_chain(self) -> list[QWidget]:
        """The pane's widgets in the order Tab visits them."""
        return [
            self.subject,
            self.body,
            self.call_button,
            self.open_mail_button,
            self.text_button,
            self.copy_button,
            self.reset_button,
            self.warnings,
            self.value,
            self.email,
            self.phone,
        ]

    # --- showing ---------------------------------------------------------------------
    def show_draft(self, touchpoint: TouchpointDTO, draft: Draft) -> None:
        same = self.draft is not None and self.draft.touchpoint_id == draft.touchpoint_id
        if not same:
            self.flush()
            self.sent_bar.hide()
        self._title = touchpoint.title
        self.update_draft(draft)

    def update_draft(self, draft: Draft) -> None:
        """The same follow-up's draft read again (after a save, a reset, an item chosen)."""
        same = self.draft is not None and self.draft.touchpoint_id == draft.touchpoint_id
        self.draft = draft
        self.heading.setText(self._title)
        note = notes.form_note(draft.form)
        marks = [note] + ([_("edited by you")] if draft.edited else [])
        self.form_label.setText(" · ".join(marks))
        self._show_warnings(draft)
        self._show_contact(draft)
        self._show_checklist(draft)
        self._show_words(draft, keep_typing=same)
        self._show_actions(draft)

    def show_value(self, suggestion: LibraryItemDTO | None) -> None:
        """What the follow-up brings: the chosen item, else the library's suggestion."""
        draft = self.draft
        self._suggested = suggestion.id if suggestion is not None else None
        if draft is None or not draft.takes_item or draft.form == "checklist":
            self.value.hide()
            return
        self.value.setText(notes.value_html(draft, suggestion))
        self.value.show()

    def show_nothing(self, text: str = "") -> None:
        self.flush()
        self.draft = None
        self._suggested = None
        self.heading.setText(text or _("Select a follow-up to see its message."))
        for label in (
            self.email,
            self.phone,
            self.form_label,
            self.warnings,
            self.value,
            self.checklist,
        ):
            label.clear()
        self.checklist.hide()
        self.warnings.hide()
        self.value.hide()
        self.sent_bar.hide()
        self._set_words("", "")
        self.subject.setReadOnly(True)
        self.body.setReadOnly(True)
        for button in (self.copy_button, self.open_mail_button, self.reset_button):
            button.setEnabled(False)
        self.text_button.hide()
        self.call_button.hide()
        self.open_mail_button.show()

    def _show_warnings(self, draft: Draft) -> None:
        text = notes.warnings_html(draft)
        self.warnings.setText(text)
        self.warnings.setVisible(bool(text))

    def _show_checklist(self, draft: Draft) -> None:
        """A recovery step shows the promise's whole recovery: done, this one, still to come."""
        self.checklist.setVisible(bool(draft.checklist))
        if draft.checklist:
            self.checklist.setText(notes.checklist_html(draft.checklist))
        else:
            self.checklist.clear()

    def _show_contact(self, draft: Draft) -> None:
        self.email.setText(notes.email_html(draft))
        self.phone.setText(notes.phone_html(draft))

    def _show_words(self, draft: Draft, *, keep_typing: bool) -> None:
        # A short text has no subject; a script's or checklist's is the salesperson's heading.
        self.subject.setVisible(draft.form != "short")
        self.subject.setReadOnly(False)
        self.body.setReadOnly(False)
        if keep_typing and (self._dirty or self._shows(draft)):
            return  # the salesperson is typing, or the draft is what they typed: leave it
        self._set_words(draft.subject, draft.body)

    def _show_actions(self, draft: Draft) -> None:
        sent = draft.form in ("message", "short")
        self.copy_button.setEnabled(True)
        self.copy_button.setToolTip(
            _("Copy the message to the clipboard")
            if sent
            else _("Copy these notes to the clipboard")
        )
        # The form decides what can be done: mail a message, text a short one, call with a
        # script; a checklist is work for the salesperson alone.
        self.open_mail_button.setVisible(draft.form == "message")
        self.open_mail_button.setEnabled(bool(draft.mailto))
        self.open_mail_button.setToolTip(
            _("Start an e-mail with this subject and text")
            if draft.mailto
            else _("This customer has no e-mail address")
        )
        self.text_button.setVisible(draft.form == "short" and draft.channel == "text")
        self.text_button.setEnabled(bool(draft.sms))
        self.text_button.setToolTip(
            _("Start a text message with these words")
            if draft.sms
            else _("This customer has no phone number")
        )
        self.call_button.setVisible(draft.form == "script")
        self.call_button.setEnabled(bool(draft.tel))
        self.call_button.setToolTip(
            _("Call {phone}").format(phone=draft.to_phone)
            if draft.tel
            else _("This customer has no phone number")
        )
        self.reset_button.setEnabled(draft.edited or draft.item_id is not None)

    # --- the salesperson's words ----------------------------------------------------------
    def _set_words(self, subject: str, body: str) -> None:
        self._loading = True
        try:
            self.subject.setText(subject)
            self.subject.setCursorPosition(0)
            self.body.setPlainText(body)
        finally:
            self._loading = False
        self._dirty = False
        self._save_timer.stop()

    def _shows(self, draft: Draft) -> bool:
        """The editors hold this draft's words (up to the spaces a save trims)."""
        return (
            self.subject.text().strip() == draft.subject.strip()
            and self.body.toPlainText().strip() == draft.body.strip()
        )

    def _typed(self) -> None:
        if self._loading or self.draft is None:
            return
        self._dirty = True
        self._save_timer.start()

    def flush(self) -> None:
        """Hand over what was typed and not yet kept (before the draft is used or left)."""
        self._save_timer.stop()
        if not self._dirty or self.draft is None:
            return
        self._dirty = False
        self.edited.emit(self.draft.touchpoint_id, self.subject.text(), self.body.toPlainText())

    def text(self) -> str:
        """The draft as shown: subject and body, or the body alone for a short text."""
        if self.draft is None:
            return ""
        subject, body = self.subject.text().strip(), self.body.toPlainText().strip()
        if not subject or self.draft.form == "short":
            return body
        return f"{subject}\n\n{body}"

    def first_slot(self) -> bool:
        """Select the first part in [brackets] for the salesperson to write; False if none."""
        found = SLOT.search(self.body.toPlainText())
        if found is None:
            return False
        cursor = self.body.textCursor()
        cursor.setPosition(found.start())
        cursor.setPosition(found.end(), QTextCursor.MoveMode.KeepAnchor)
        self.body.setTextCursor(cursor)
        self.body.setFocus()
        return True

    # --- acting on it ------------------------------------------------------------------
    def copy(self) -> None:
        if self.draft is None:
            return
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(self.text())
        self.status.emit(_("Copied the draft to the clipboard."))

    def open_mail(self) -> None:
        self._send("mail")

    def _send(self, how: str) -> None:
        if self.draft is not None:
            self.flush()
            self.send_requested.emit(how)

    def ask_if_sent(self, question: str) -> None:
        """After a message went to the mail program (or a call was started): done yet?"""
        self.sent_question.setText(question)
        self.sent_bar.show()

    def _confirm_done(self) -> None:
        self.sent_bar.hide()
        if self.draft is not None:
            self.flush()
            self.done_confirmed.emit(self.draft.touchpoint_id)

    def _reset(self) -> None:
        if self.draft is not None:
            self._save_timer.stop()
            self._dirty = False
            self.reset_requested.emit(self.draft.touchpoint_id)

    def _value_link(self, url: str) -> None:
        self.flush()
        if url == "choose:":
            self.choose_item.emit()
        elif url == "remove:":
            self.item_removed.emit()
        elif self._suggested is not None:
            self.item_chosen.emit(self._suggested)
