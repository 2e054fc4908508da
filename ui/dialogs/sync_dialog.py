"""Calendar sync: the accounts, their last sync or error; add (Google, Microsoft, CalDAV),
remove, password or sign in again, sync now."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.dto.sync import AccountDTO, CloudAccountInput
from app.i18n import _
from app.secrets import NoSecureStore
from ui.background import BackgroundTask, run_in_background
from ui.dates import date_text
from ui.dialogs.account_dialog import AccountDialog
from ui.dialogs.modal import run_and_release
from ui.sync_runner import SyncRunner

SERVICES = {"google": "Google Calendar", "microsoft": "Microsoft 365 / Outlook.com"}


def describe(account: AccountDTO) -> str:
    """The account's first line as it was set up (names and addresses, nothing to
    translate), then its last sync and sign-in state, then its problem if any."""
    local = account.last_sync_at.astimezone() if account.last_sync_at else None
    when = date_text(local.date(), time=local.time()) if local else _("never")
    cloud = account.kind in SERVICES
    if cloud:
        who = f" ({account.username})" if account.username else ""
        line = f"{account.calendar_name} — {SERVICES[account.kind]}{who}"
    else:
        line = f"{account.calendar_name} — {account.username} @ {account.url}"
    state = account.password_stored
    if cloud and state == "session":
        sync = _("Last sync: {when} · signed in for this session only")
    elif cloud and state == "missing":
        sync = _("Last sync: {when} · not signed in: use Sign in again")
    elif state == "session":
        sync = _("Last sync: {when} · password: for this session only")
    elif state == "missing":
        sync = _("Last sync: {when} · password: missing")
    else:
        sync = _("Last sync: {when}")
    line += "\n" + sync.format(when=when)
    if account.last_error:
        line += "\n" + _("Problem: {error}").format(error=account.last_error)
    return line


class SyncDialog(QDialog):
    """Reached from the main window's "Calendar sync…"; the runner does the syncing."""

    def __init__(self, context: AppContext, runner: SyncRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.task: BackgroundTask | None = None
        self.setWindowTitle(_("Calendar sync"))
        intro = QLabel(
            _(
                "Planned follow-ups appear in your calendar: Google Calendar, Microsoft 365 or "
                "Outlook.com, or a CalDAV server (Nextcloud, iCloud, Fastmail…). Moving one "
                "there moves it here; sign-ins and passwords stay in your system keyring."
            )
        )
        intro.setWordWrap(True)
        self.accounts = QListWidget()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.add_button = QPushButton(_("&Add account"))
        menu = QMenu(self.add_button)
        self.add_google = menu.addAction(_("&Google Calendar…"))
        self.add_microsoft = menu.addAction(_("&Microsoft 365 or Outlook.com…"))
        self.add_caldav = menu.addAction(_("&CalDAV server (Nextcloud, iCloud…)…"))
        self.add_button.setMenu(menu)
        self.add_google.triggered.connect(lambda: self.sign_in("google"))
        self.add_microsoft.triggered.connect(lambda: self.sign_in("microsoft"))
        self.add_caldav.triggered.connect(self.add_account)
        self.signin_button = QPushButton(_("Sign &in again"))
        self.signin_button.clicked.connect(lambda: self.sign_in_again())
        self.remove_button = QPushButton(_("&Remove"))
        self.password_button = QPushButton(_("&Password…"))
        self.sync_button = QPushButton(_("&Sync now"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.password_button.clicked.connect(self.enter_password)
        self.sync_button.clicked.connect(self.sync_now)
        row = QHBoxLayout()
        for button in (
            self.add_button, self.remove_button, self.password_button, self.signin_button
        ):  # fmt: skip
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.sync_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.accounts):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(close)
        runner.finished.connect(self._synced)
        self.accounts.currentRowChanged.connect(lambda _row: self._enable())
        self.refresh()

    def refresh(self) -> None:
        self.accounts.clear()
        for account in self.context.accounts.list():
            item = QListWidgetItem(describe(account))
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, account.kind)
            self.accounts.addItem(item)
        if self.accounts.count():
            self.accounts.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        chosen = self.selected() is not None
        item = self.accounts.currentItem()
        cloud = item is not None and item.data(Qt.ItemDataRole.UserRole + 1) in SERVICES
        self.remove_button.setEnabled(chosen)
        self.password_button.setVisible(not cloud)
        self.signin_button.setVisible(cloud)
        self.password_button.setEnabled(chosen)
        self.signin_button.setEnabled(chosen and self.task is None)
        self.sync_button.setEnabled(self.accounts.count() > 0)

    def selected(self) -> int | None:
        item = self.accounts.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def add_account(self) -> None:
        dialog = AccountDialog(self.context, self)
        added = run_and_release(dialog) and dialog.saved is not None
        if added:
            self.refresh()
            self.sync_now()

    def sign_in(self, kind: str, session_only: bool = False) -> None:
        """Google or Microsoft: the browser opens; this waits (off the window's thread)."""
        if self.task is not None:
            return
        cloud = self.context.cloud_accounts
        data = CloudAccountInput(kind, session_only=session_only)

        def work(_progress: object) -> AccountDTO | NoSecureStore:
            try:
                return cloud.add(data, say=lambda _text: None)
            except NoSecureStore as exc:
                return exc  # not a failure to report: a choice to offer

        self.status.setText(
            _("Finish signing in in your browser; the calendar is set up right after.")
        )
        self.task = run_in_background(
            work,
            _("Signing in"),
            self,
            lambda result: self._signed_in(result, kind),
            self._failed,
        )
        self._enable()

    def _signed_in(self, result: AccountDTO | NoSecureStore, kind: str) -> None:
        self.task = None
        if isinstance(result, NoSecureStore):
            answer = QMessageBox.question(
                self,
                _("No secure keyring"),
                _("{reason}\n\nSign in for this session only?").format(reason=result),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.sign_in(kind, session_only=True)
            else:
                self.status.setText(str(result))
                self._enable()
            return
        self.status.setText(
            _("Signed in: “{calendar}” is ready.").format(calendar=result.calendar_name)
        )
        self.refresh()
        self.sync_now()

    def sign_in_again(self) -> None:
        account_id = self.selected()
        if account_id is None or self.task is not None:
            return
        cloud = self.context.cloud_accounts

        def work(_progress: object) -> str:
            try:
                cloud.sign_in_again(account_id, say=lambda _text: None)
            except NoSecureStore:
                cloud.sign_in_again(account_id, session_only=True, say=lambda _text: None)
                return _("No secure keyring: signed in for this session only.")
            return _("Signed in again.")

        self.status.setText(_("Finish signing in in your browser."))
        self.task = run_in_background(
            work, _("Signing in"), self, self._password_done, self._failed
        )
        self._enable()

    def remove_selected(self) -> None:
        account_id = self.selected()
        if account_id is None:
            return
        answer = QMessageBox.question(
            self,
            _("Remove account"),
            _(
                "Stop syncing with this calendar and forget its password? The events already "
                "in the calendar stay there."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.context.accounts.remove(account_id)
            self.refresh()

    def enter_password(self) -> None:
        account_id = self.selected()
        if account_id is None:
            return
        password, ok = QInputDialog.getText(
            self, _("Password"), _("Password or app password:"),
            QLineEdit.EchoMode.Password,
        )  # fmt: skip
        if not ok or not password:
            return
        accounts = self.context.accounts

        def work(_progress: object) -> str:
            try:
                accounts.set_password(account_id, password)
            except NoSecureStore:
                accounts.set_password(account_id, password, session_only=True)
                return _("No secure keyring: the password is kept for this session only.")
            return _("Password saved in your keyring.")

        self.task = run_in_background(
            work, _("Checking the password"), self, self._password_done, self._failed
        )

    def _password_done(self, text: str) -> None:
        self.task = None
        self.status.setText(text)
        self.refresh()

    def _failed(self, message: str, _known: bool) -> None:
        self.task = None
        self.status.setText(message)
        self._enable()

    def sync_now(self) -> None:
        self.status.setText(_("Syncing…"))
        self.sync_button.setEnabled(False)
        self.runner.sync_now()

    def _synced(self, report: object) -> None:
        self.status.setText(_("Done."))
        self.refresh()
