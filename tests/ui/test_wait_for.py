"""wait_for: slow work on a worker, the window repainting, the result or error back here."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.errors import ValidationError
from ui.background import wait_for


def test_the_work_runs_on_a_worker_while_events_are_handled(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    ticks = [0]
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start(5)

    def work() -> str:
        time.sleep(0.3)
        return threading.current_thread().name

    worker = wait_for(work, "Saving", window)
    assert worker != threading.main_thread().name
    assert ticks[0] > 5  # the window's own events kept running meanwhile


def test_an_error_is_raised_again_on_the_calling_thread(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)

    def work() -> None:
        raise ValidationError("the step's time is not a time of day", "Use 09:30.")

    with pytest.raises(ValidationError) as raised:
        wait_for(work, "Saving", window)
    assert raised.value.hint == "Use 09:30."
