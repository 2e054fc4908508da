"""A dialog is released once it closes: opening a form a hundred times leaves none behind."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from ui.dialogs.backups_dialog import BackupsDialog
from ui.dialogs.customer_dialog import CustomerDialog
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.settings_dialog import SettingsDialog
from ui.main_window import MainWindow

DialogDriver = Callable[[Callable[[QDialog], None]], None]


def _released() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.mark.parametrize(
    ("open_it", "kind"),
    [
        (lambda window: window.settings.trigger(), SettingsDialog),
        (lambda window: window.transfer.export_calendar.trigger(), ExportDialog),
        (lambda window: window.backups.trigger(), BackupsDialog),
        (lambda window: window.new_customer.trigger(), CustomerDialog),
    ],
    ids=["settings", "export", "backups", "new customer"],
)
def test_a_closed_dialog_is_gone(
    qtbot: QtBot,
    window: MainWindow,
    on_next_dialog: DialogDriver,
    open_it: Callable[[MainWindow], None],
    kind: type[QDialog],
) -> None:
    for _ in range(2):
        on_next_dialog(lambda dialog: dialog.reject())
        open_it(window)
    _released()
    assert window.findChildren(kind) == []
