"""The main window's menu bar and toolbar, built from its actions."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from app.i18n import _
from ui.transfer_actions import TransferActions


class ActionSource(Protocol):
    """A group of actions that brings its own (outreach: partners, library, declines)."""

    def actions(self) -> list[QAction]: ...


class WindowActions(Protocol):
    """The main window's actions, by name: what the menus and the toolbar are made of."""

    new_customer: QAction
    record_sale: QAction
    calendar_sync: QAction
    backups: QAction
    load_sample: QAction
    my_data: QAction
    settings: QAction
    quit_action: QAction
    undo: QAction
    edit_customer: QAction
    delete_customer: QAction
    find_customer: QAction
    go_today: QAction
    go_customers: QAction
    go_promises: QAction
    go_plans: QAction
    go_insights: QAction
    trash: QAction
    shortcuts: QAction
    about: QAction

    @property
    def outreach(self) -> ActionSource: ...
    @property
    def transfer(self) -> TransferActions: ...


def build_menus(window: QMainWindow, actions: WindowActions) -> QMenu:
    """File, Edit, Follow-up, Go and Help menus and the toolbar; returns the Follow-up menu,
    which fills with the Today screen's actions once a database is open."""
    menu = window.menuBar()
    file_menu = menu.addMenu(_("&File"))
    for action in (actions.new_customer, actions.record_sale):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(actions.transfer.export_calendar)
    file_menu.addAction(actions.calendar_sync)
    for action in (
        actions.transfer.import_customers,
        actions.transfer.import_sales,
        actions.transfer.export_data,
        actions.backups,
    ):
        file_menu.addAction(action)
    file_menu.addSeparator()
    for action in (actions.load_sample, actions.my_data, actions.settings):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit_action)
    edit_menu = menu.addMenu(_("&Edit"))
    for action in (
        actions.undo,
        actions.edit_customer,
        actions.delete_customer,
        actions.find_customer,
    ):
        edit_menu.addAction(action)
    follow_up = menu.addMenu(_("F&ollow-up"))
    go_menu = menu.addMenu(_("&Go"))
    for action in (
        actions.go_today,
        actions.go_customers,
        actions.go_promises,
        actions.go_plans,
        actions.go_insights,
    ):
        go_menu.addAction(action)
    go_menu.addSeparator()
    go_menu.addAction(actions.trash)
    go_menu.addSeparator()
    for action in actions.outreach.actions():
        go_menu.addAction(action)
    help_menu = menu.addMenu(_("&Help"))
    help_menu.addAction(actions.shortcuts)
    help_menu.addSeparator()
    help_menu.addAction(actions.about)
    toolbar = QToolBar(_("Main toolbar"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    for action in (actions.new_customer, actions.record_sale, actions.edit_customer):
        toolbar.addAction(action)
    window.addToolBar(toolbar)
    return follow_up


# The toolbar's icons (Lucide names), by action.
TOOLBAR_ICONS = {
    "new_customer": "user-plus",
    "record_sale": "circle-dollar-sign",
    "edit_customer": "notebook-pen",
}


def style_toolbar(window: QMainWindow, actions: WindowActions) -> None:
    """Icons beside the toolbar's words; set after the first paint (see
    MainWindow.after_first_paint), until which the buttons show their text alone."""
    from PySide6.QtCore import Qt

    from ui.look.icons import icon

    for name, glyph in TOOLBAR_ICONS.items():
        getattr(actions, name).setIcon(icon(glyph))
    toolbar = window.findChild(QToolBar, "mainToolbar")
    if toolbar is not None:
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
