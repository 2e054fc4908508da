"""The first start asks for the profile once (issue #15 item 3): every draft is signed with it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from ui.dialogs.settings_dialog import SettingsDialog
from ui.main_window import MainWindow
from ui.workspace_shell import WELCOME


def test_the_welcome_asks_for_the_profile_until_it_can_sign_messages(
    qtbot: QtBot, window: MainWindow, on_next_dialog: Callable[[Callable[[QDialog], None]], None]
) -> None:
    workspace = window.workspace
    assert workspace is not None and workspace.current() == WELCOME
    welcome = workspace.welcome
    assert "ends with your name and how to reach you" in welcome.profile_note.text()
    assert welcome.profile_button.isDefault() and not welcome.add_customer.isDefault()

    def fill_in(dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        assert dialog.tabs.currentIndex() == 0  # the profile first
        qtbot.keyClicks(dialog.my_name, "Sam Seller")
        qtbot.keyClicks(dialog.my_email, "sam@forklift.example")
        dialog.accept()

    on_next_dialog(fill_in)
    qtbot.mouseClick(welcome.profile_button, Qt.MouseButton.LeftButton)
    assert welcome.profile_note.text() == (
        "Your messages are signed: Sam Seller, sam@forklift.example."
    )
    assert welcome.profile_button.text() == "Change your &profile…"
    assert welcome.add_customer.isDefault() and not welcome.profile_button.isDefault()
