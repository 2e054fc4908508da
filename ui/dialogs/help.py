"""The Help menu: the keyboard shortcuts the window's menus know, and the About box."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.i18n import _
from ui.dialogs.modal import run_and_release

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QWidget

# Qt's dialog classes load when a Help command is first used, not before the first paint.


def show_shortcuts(window: QMainWindow) -> None:
    """Every key of the window's menus, read from their actions."""
    from PySide6.QtWidgets import QMenu

    from ui.dialogs.shortcuts_dialog import ShortcutsDialog

    menus = [
        menu for action in window.menuBar().actions() if isinstance(menu := action.menu(), QMenu)
    ]
    run_and_release(ShortcutsDialog(menus, window))


def show_about(parent: QWidget) -> None:
    """The version and what the planner is for."""
    from PySide6.QtWidgets import QMessageBox

    from app.version import app_version

    QMessageBox.about(
        parent,
        _("About Follow-Up Planner"),
        _("Follow-Up Planner {version}\nYour after-sale follow-ups, scheduled.").format(
            version=app_version()
        ),
    )
