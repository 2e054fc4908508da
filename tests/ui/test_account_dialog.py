"""The account dialog, the calendar sync dialog and the background sync runner."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext, build_context
from app.dto.changes import Area
from app.dto.customers import CustomerInput
from app.dto.sales import SaleInput
from app.secrets import MemorySecretStore, SecretStore
from tests.support.caldav_fixtures import (
    CalendarApp,
    add_account,
    radicale_fixture,  # noqa: F401 - the `radicale` fixture
)
from tests.support.radicale_server import PASSWORD, USER, RadicaleServer
from ui.change_stream import change_stream
from ui.dialogs.account_dialog import AccountDialog
from ui.dialogs.sync_dialog import SyncDialog
from ui.main_window import MainWindow
from ui.sync_runner import SyncRunner


@pytest.fixture
def context(db_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    ctx = build_context(db_path, clock, secrets=MemorySecretStore())
    yield ctx
    ctx.close()


def fill(dialog: AccountDialog, url: str, password: str = PASSWORD) -> None:
    dialog.url.setText(url)
    dialog.user.setText(USER)
    dialog.password.setText(password)


def settled(qtbot: QtBot, dialog: AccountDialog) -> None:
    qtbot.waitUntil(lambda: dialog.task is None and dialog.url.isEnabled(), timeout=15_000)


def test_test_connection_lists_the_calendars_and_save_adds_the_account(
    qtbot: QtBot, context: AppContext, radicale: RadicaleServer
) -> None:
    existing = add_account(context, radicale)
    dialog = AccountDialog(context)
    qtbot.addWidget(dialog)
    fill(dialog, radicale.url)
    dialog.test_button.click()
    settled(qtbot, dialog)
    assert "Connected" in dialog.message.text() and existing.calendar_name in dialog.message.text()
    assert "“Sales follow-ups” will be created" in dialog.message.text()
    dialog.calendar.setCurrentIndex(dialog.calendar.findText(existing.calendar_name))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=15_000)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved is not None and dialog.saved.calendar_url == existing.calendar_url


def test_a_wrong_password_is_named_and_nothing_is_saved(
    qtbot: QtBot, context: AppContext, radicale: RadicaleServer
) -> None:
    dialog = AccountDialog(context)
    qtbot.addWidget(dialog)
    fill(dialog, radicale.url, password="nope-nope")
    dialog.accept()
    settled(qtbot, dialog)
    assert "refused the user name or password (401)" in dialog.message.text()
    assert "nope-nope" not in dialog.message.text()
    assert dialog.saved is None and context.accounts.list() == []


def test_without_a_secure_keyring_the_dialog_offers_this_session_only(
    qtbot: QtBot, db_path: Path, clock: FixedClock, radicale: RadicaleServer
) -> None:
    context = build_context(db_path, clock, secrets=SecretStore(backend=fail.Keyring()))
    try:
        dialog = AccountDialog(context)
        qtbot.addWidget(dialog)
        fill(dialog, radicale.url)
        dialog.accept()
        settled(qtbot, dialog)
        assert "no secure password store" in dialog.message.text()
        assert dialog.session_only.isVisibleTo(dialog) and context.accounts.list() == []
        dialog.session_only.click()
        qtbot.waitUntil(lambda: dialog.saved is not None, timeout=15_000)
        assert dialog.saved is not None and dialog.saved.password_stored == "session"
    finally:
        context.close()


@pytest.fixture
def planned(context: AppContext) -> int:
    context.settings.set_many({"timezone": "Europe/Berlin"})
    customer = context.customers.add(CustomerInput(name="Ana Silva", email="a@acme.example"))
    context.sales.record(
        SaleInput(customer_id=customer.id, closed_on=dt.date(2026, 11, 23), outcome="won")
    )
    return len(context.agenda.touchpoints())


def test_the_runner_syncs_in_the_background_and_asks_about_deleted_events(
    qtbot: QtBot, context: AppContext, radicale: RadicaleServer, planned: int
) -> None:
    account = add_account(context, radicale)
    window = QWidget()
    qtbot.addWidget(window)
    runner = SyncRunner(context, window)
    shown: list[str] = []
    runner.status.connect(shown.append)
    ticks = [0]
    heartbeat = QTimer(window)
    heartbeat.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    heartbeat.start(5)
    with qtbot.waitSignal(runner.finished, timeout=20_000) as first:
        runner.sync_now()
    assert first.args[0].created == planned and ticks[0] > 0  # the event loop kept running
    assert shown[-1].startswith("Calendar: synced")
    app = CalendarApp(account.calendar_url)
    gone = next(iter(app.events()))
    app.delete(gone)
    with qtbot.waitSignal(runner.finished, timeout=20_000):
        runner.sync_now()
    qtbot.waitUntil(lambda: runner.question is not None)
    assert runner.question is not None and "deleted in your calendar" in runner.question.text()
    stream = change_stream(context)
    with qtbot.waitSignal(stream.data_changed) as heard:
        next(b for b in runner.question.buttons() if "Skip" in b.text()).click()
    # The answer reaches the screens as a change of touchpoints, and is synced next.
    assert heard.args[0].touches(Area.TOUCHPOINTS)
    skipped = context.agenda.touchpoints(statuses=("skipped",))
    assert [(i.uid, i.skip_reason) for i in skipped] == [(gone, "deleted in calendar")]
    runner.stop()


def test_offline_is_shown_and_retried_later(
    qtbot: QtBot, context: AppContext, radicale: RadicaleServer, planned: int, tmp_path: Path
) -> None:
    server = RadicaleServer(tmp_path / "down")
    with server:
        add_account(context, server)
    runner = SyncRunner(context, QWidget())
    shown: list[str] = []
    runner.status.connect(shown.append)
    with qtbot.waitSignal(runner.finished, timeout=20_000):
        runner.sync_now()
    assert "connection refused" in shown[-1] and "will retry" in shown[-1]
    assert "connection refused" in context.accounts.list()[0].last_error


def test_calendar_sync_is_in_the_file_menu_and_opens_the_accounts(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    radicale: RadicaleServer,
    on_next_dialog: Callable[[Callable[[QDialog], None]], None],
) -> None:
    add_account(context, radicale)
    seen: list[int] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, SyncDialog)
        seen.append(dialog.accounts.count())
        dialog.reject()

    on_next_dialog(look)
    window.calendar_sync.trigger()
    assert seen == [1]
    assert window.sync_runner is not None
