"""Add a CalDAV account: address, user, password; test the connection; pick or create a calendar."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.dto.sync import DEFAULT_CALENDAR, AccountDTO, AccountInput, CalendarChoice
from app.i18n import _
from app.secrets import NoSecureStore
from ui.background import BackgroundTask
from ui.look.styles import error_style


class AccountDialog(QDialog):
    """Network work runs in the background; the result line says exactly what failed."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.saved: AccountDTO | None = None
        self.task: BackgroundTask | None = None
        self.setWindowTitle(_("Add a calendar account"))
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://cloud.example.com/remote.php/dav")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setToolTip(_("Many servers want an app password here"))
        self.test_button = QPushButton(_("&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.calendar = QComboBox()
        self.calendar.setEditable(True)
        self.calendar.setCurrentText(DEFAULT_CALENDAR)
        self.calendar.setToolTip(_("Pick a calendar, or type a name to create one"))
        self.keep_done = QCheckBox(_("Keep done follow-ups in the calendar as history"))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.session_only = QPushButton(_("Keep the password for this &session only"))
        self.session_only.hide()
        self.session_only.clicked.connect(lambda: self.accept_session_only())
        form = QFormLayout()
        form.addRow(_("Server &address"), self.url)
        form.addRow(_("&User name"), self.user)
        form.addRow(_("&Password"), self.password)
        form.addRow("", self.test_button)
        form.addRow(_("&Calendar"), self.calendar)
        form.addRow("", self.keep_done)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.session_only)
        layout.addWidget(self.buttons)
        self.url.setFocus()

    # --- background work ------------------------------------------------------------------
    def _run(self, work: Any, done: Any, busy: str) -> None:
        self._busy(True, busy)
        self.task = BackgroundTask(lambda _progress: work(), busy, self, show_dialog=False)
        self.task.finished.connect(done)
        self.task.failed.connect(self._failed)
        self.task.start()

    def _busy(self, busy: bool, text: str = "") -> None:
        for widget in (self.url, self.user, self.password, self.test_button, self.buttons):
            widget.setEnabled(not busy)
        self.session_only.setEnabled(not busy)
        if text:
            self._say(text)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(error_style() if error else "")
        self.message.setText(text)

    def _failed(self, message: str, _known: bool) -> None:
        self.task = None
        self._busy(False)
        self._say(message, error=True)

    # --- test connection -------------------------------------------------------------------
    def test_connection(self) -> None:
        if self.task is not None:
            return
        url, user, password = self.url.text(), self.user.text(), self.password.text()
        self._run(
            lambda: self.context.accounts.check(url, user, password),
            self._tested,
            _("Connecting…"),
        )

    def _tested(self, calendars: list[CalendarChoice]) -> None:
        self.task = None
        self._busy(False)
        typed = self.calendar.currentText()
        self.calendar.clear()
        for choice in calendars:
            self.calendar.addItem(choice.name, choice.url)
        names = [choice.name.casefold() for choice in calendars]
        self.calendar.setCurrentText(typed)
        found = _("Connected. Calendars: {calendars}.").format(
            calendars=", ".join(c.name for c in calendars) or _("none yet")
        )
        if typed.casefold() not in names:
            # Two sentences, each whole: the second only when the typed calendar is new.
            found += " " + _("“{calendar}” will be created.").format(calendar=typed)
        self._say(found)

    # --- save ------------------------------------------------------------------------------
    def _input(self, session_only: bool) -> AccountInput:
        index = self.calendar.currentIndex()
        text = self.calendar.currentText().strip()
        picked = index >= 0 and self.calendar.itemText(index) == text
        return AccountInput(
            url=self.url.text(),
            username=self.user.text(),
            password=self.password.text(),
            calendar_name=text or DEFAULT_CALENDAR,
            calendar_url=str(self.calendar.itemData(index) or "") if picked else "",
            keep_done=self.keep_done.isChecked(),
            session_only=session_only,
        )

    def accept(self) -> None:
        self._save(session_only=False)

    def accept_session_only(self) -> None:
        self._save(session_only=True)

    def _save(self, session_only: bool) -> None:
        if self.task is not None:
            return
        data = self._input(session_only)
        accounts = self.context.accounts

        def work() -> AccountDTO | NoSecureStore:
            try:
                return accounts.add(data)
            except NoSecureStore as exc:
                return exc  # not a failure to report: a choice to offer

        self._run(work, self._saved, _("Connecting and saving…"))

    def _saved(self, result: AccountDTO | NoSecureStore) -> None:
        self.task = None
        self._busy(False)
        if isinstance(result, NoSecureStore):
            self._say(str(result), error=True)
            self.session_only.show()
            self.session_only.setFocus()
            return
        self.saved = result
        super().accept()

    def reject(self) -> None:
        if self.task is None:  # a running request finishes first; it has a timeout
            super().reject()
