"""GUI fixtures: a main window attached to a fresh database, and modal-dialog driving."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app.context import AppContext
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, context: AppContext) -> Iterator[MainWindow]:
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.attach(context)
    yield main
    main.close()


@pytest.fixture
def on_next_dialog(qtbot: QtBot) -> Callable[[Callable[[QDialog], None]], None]:
    """Run `act` on the next modal dialog as soon as it opens (exec() blocks the test)."""
    failures: list[BaseException] = []

    def arm(act: Callable[[QDialog], None]) -> None:
        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QDialog):
                QTimer.singleShot(10, poll)
                return
            try:
                act(dialog)
            except BaseException as exc:  # noqa: BLE001 - re-raised in the test after the dialog closes
                failures.append(exc)
                dialog.reject()

        QTimer.singleShot(0, poll)

    yield arm  # type: ignore[misc]
    if failures:
        raise failures[0]
