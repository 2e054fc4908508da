"""Issue #16 item 10: with no calendar account set up, the sync runs no thread and logs nothing."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.dto.sync import SyncReport
from ui.sync_runner import SyncRunner


def test_no_account_no_sync_and_no_log_line(
    qtbot: QtBot, context: AppContext, caplog: pytest.LogCaptureFixture
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    runner = SyncRunner(context, window)
    shown: list[str] = []
    runner.status.connect(shown.append)
    caplog.set_level(logging.DEBUG)
    with qtbot.waitSignal(runner.finished, timeout=2000) as done:
        runner.sync_now()  # what the 15-minute timer and every change call
    assert runner.task is None  # no worker was started
    assert done.args[0] == SyncReport()
    assert shown == [""]
    assert not [record for record in caplog.records if "calendar sync" in record.getMessage()]


def test_the_service_says_nothing_when_there_is_nothing_to_sync(
    context: AppContext, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    assert not context.calendar_sync.has_accounts()
    assert context.calendar_sync.sync() == SyncReport()
    assert not [record for record in caplog.records if "calendar sync" in record.getMessage()]
