"""The tray icon: overdue count at a glance, notifications, and a way back to the window."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QSystemTrayIcon

from app.i18n import _


class Tray(QObject):
    """Uses the system tray where there is one; otherwise notifications go to the status bar."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.icon: QSystemTrayIcon | None = None
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        self.icon = QSystemTrayIcon(window.windowIcon(), self)
        menu = QMenu(window)
        show = QAction(_("Show Follow-Up Planner"), menu)
        show.triggered.connect(self.show_window)
        quit_action = QAction(_("Quit"), menu)
        # Through the window's close: it saves its layout and lets go of the data first.
        quit_action.triggered.connect(window.close)
        menu.addAction(show)
        menu.addSeparator()
        menu.addAction(quit_action)
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.show_window)
        self.set_overdue(0)
        self.icon.show()

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_window()

    def show_window(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    def set_overdue(self, count: int) -> None:
        if self.icon is None:
            return
        text = _("Follow-Up Planner")
        if count > 0:
            text += " — " + _("{count} overdue").format(count=count)
        self.icon.setToolTip(text)

    def notify(self, title: str, text: str) -> None:
        if self.icon is not None and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)
            return
        # One line in the status bar: the notification's lines, each kept apart.
        lines = "; ".join(line.strip() for line in text.splitlines() if line.strip())
        self._window.statusBar().showMessage(f"{title}: {lines}", 15_000)
        QApplication.alert(self._window)
