"""The main window's menu bar and toolbar, built from its actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def build_menus(window: MainWindow) -> QMenu:
    """File, Edit, Follow-up, Go and Help menus and the toolbar; returns the Follow-up menu,
    which fills with the Today screen's actions once a database is open."""
    menu = window.menuBar()
    file_menu = menu.addMenu(window.tr("&File"))
    for action in (window.new_customer, window.record_sale):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(window.export_calendar)
    file_menu.addAction(window.calendar_sync)
    for action in (window.import_customers, window.export_data, window.backups):
        file_menu.addAction(action)
    file_menu.addSeparator()
    for action in (window.load_sample, window.my_data, window.settings):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    edit_menu = menu.addMenu(window.tr("&Edit"))
    for action in (window.undo, window.edit_customer, window.delete_customer, window.find_customer):
        edit_menu.addAction(action)
    follow_up = menu.addMenu(window.tr("F&ollow-up"))
    go_menu = menu.addMenu(window.tr("&Go"))
    for action in (window.go_today, window.go_customers, window.go_plans):
        go_menu.addAction(action)
    go_menu.addSeparator()
    go_menu.addAction(window.trash)
    go_menu.addSeparator()
    for action in window.outreach.actions():
        go_menu.addAction(action)
    help_menu = menu.addMenu(window.tr("&Help"))
    help_menu.addAction(window.about)
    toolbar = QToolBar(window.tr("Main toolbar"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    for action in (window.new_customer, window.record_sale, window.edit_customer):
        toolbar.addAction(action)
    window.addToolBar(toolbar)
    return follow_up


def style_toolbar(window: QMainWindow) -> None:
    """Text-only toolbar buttons; set after the first paint (see MainWindow.after_first_paint),
    until which the icon-less buttons show their text anyway."""
    from PySide6.QtCore import Qt

    toolbar = window.findChild(QToolBar, "mainToolbar")
    if toolbar is not None:
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
