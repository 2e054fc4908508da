"""The main window: menus, toolbar, status bar, tray; the screens once a database is open."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from app.errors import KnownError
from app.i18n import _
from app.paths import resources_dir
from ui.controllers.outreach_actions import OutreachActions
from ui.deferred_actions import DeferredActions
from ui.dialogs.help import show_about, show_shortcuts
from ui.dialogs.modal import run_and_release
from ui.error_text import shown
from ui.feature_check import lighten_feature_check
from ui.shutdown import QUIT_WAIT_MS
from ui.transfer_actions import TransferActions
from ui.tray import Tray
from ui.ui_state import restore_window, save_window
from ui.widgets.loading_page import loading_page
from ui.window_menus import build_menus

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QIcon

    from app.context import AppContext
    from ui.controllers.customers_controller import CustomersController
    from ui.first_page import FirstPage
    from ui.reminders import ReminderController
    from ui.sample_loader import SampleLoader
    from ui.sync_runner import SyncRunner
    from ui.workspace import Workspace

# Page numbers of the workspace (ui.workspace imports every screen: loaded after first paint).
TODAY, CUSTOMERS, PROMISES, PLANS, INSIGHTS, WELCOME = range(6)


def app_icon() -> QIcon:
    from PySide6.QtGui import QIcon

    return QIcon(str(resources_dir() / "icons" / "app.svg"))


class MainWindow(QMainWindow):
    """Shown before the database opens (fast first paint); `attach` fills it."""

    # The start has put the data on screen: Today's list (or the welcome page).
    today_shown = Signal()

    def __init__(self) -> None:
        super().__init__()
        # Most of the start's imports come after this: services, screens, SQLAlchemy.
        lighten_feature_check()
        self.context: AppContext | None = None
        self.workspace: Workspace | None = None
        self.reminders: ReminderController | None = None
        self.home_db: Path | None = None
        self.demo = False
        self.overdue = 0
        self.setMinimumSize(760, 500)
        if not restore_window(self, "main"):
            self.resize(1180, 740)
        self.show_opening()
        self.tray: Tray | None = None  # with the icon, after the first paint
        self.sync_runner: SyncRunner | None = None
        self.sync_label = QLabel()  # last calendar sync, or what stopped it
        self.statusBar().addPermanentWidget(self.sync_label)
        self._samples: SampleLoader | None = None
        # The start backup running in the background (ui.startup), kept alive while it runs.
        self.start_backup: object | None = None
        self._actions = DeferredActions(self)
        self._build_actions()
        self.touchpoint_menu = build_menus(self, self)
        self._update_title()
        self.statusBar().showMessage(_("Loading…"))

    def show_opening(self) -> None:
        """The page shown while the database opens (before any data is on screen)."""
        self.setCentralWidget(loading_page(_("Opening your planner…")))

    def after_first_paint(self) -> None:
        """Finishing touches whose Qt classes and enums take a while to load, done once the
        window shows: the icon, the tray, keyboard shortcuts, the toolbar's style. Runs
        once; attach calls it too."""
        if self.tray is not None:
            return
        from ui.window_menus import style_toolbar

        self.setWindowIcon(app_icon())
        self.tray = Tray(self)
        self._actions.apply_shortcuts()
        style_toolbar(self, self)

    @property
    def samples(self) -> SampleLoader:
        if self._samples is None:
            from ui.sample_loader import SampleLoader

            self._samples = SampleLoader(self, self)
        return self._samples

    @property
    def customers(self) -> CustomersController | None:
        return self.workspace.customers if self.workspace else None

    # --- actions and menus -------------------------------------------------------------
    def _on_workspace(self, method: str, *args: object) -> None:
        if self.workspace is not None:
            getattr(self.workspace, method)(*args)

    def _on_customers(self, method: str) -> None:
        if self.workspace is not None:
            getattr(self.workspace.customers, method)()

    def _build_actions(self) -> None:
        action = self._actions.make
        self.new_customer = action(
            _("&New customer…"), "std:New", _("Add a customer"),
            lambda: self._new_customer(),
        )  # fmt: skip
        self.record_sale = action(
            _("&Record a sale…"), "Ctrl+R", _("Record a won or lost sale for the customer"),
            lambda: self._on_workspace("record_sale"),
        )  # fmt: skip
        self.edit_customer = action(
            _("&Edit customer…"), "Ctrl+E", _("Edit the selected customer"),
            lambda: self._on_customers("edit_selected"),
        )  # fmt: skip
        self.delete_customer = action(
            _("&Delete customer"), "std:Delete",
            _("Move the selected customer to the trash"),
            lambda: self._on_customers("delete_selected"),
        )  # fmt: skip
        self.undo = action(
            _("&Undo"), "std:Undo",
            _("Take back the last done, skip, snooze, change of date or deletion"),
            lambda: self._on_workspace("undo"),
        )  # fmt: skip
        self.find_customer = action(
            _("&Find customer"), "std:Find", _("Search customers"),
            lambda: self._on_workspace("focus_search"),
        )  # fmt: skip
        self.trash = action(
            _("&Trash…"), None, _("Deleted customers"), lambda: self._on_customers("show_trash")
        )
        self.settings = action(
            _("&Settings…"), "Ctrl+,", _("Your profile, calendar and follow-up settings"),
            self._open_settings,
        )  # fmt: skip
        self.go_today = action(
            _("&Today"), "Alt+1", _("What is due"), lambda: self._on_workspace("go", TODAY)
        )
        self.go_customers = action(
            _("&Customers"), "Alt+2", _("All customers"),
            lambda: self._on_workspace("go", CUSTOMERS),
        )  # fmt: skip
        self.go_promises = action(
            _("P&romises && requests"), "Alt+3",
            _("Every open promise, the requests waiting for an answer, and declines"),
            lambda: self._on_workspace("go", PROMISES),
        )  # fmt: skip
        self.go_plans = action(
            _("&Plans"), "Alt+4", _("Follow-up plans and messages"),
            lambda: self._on_workspace("go", PLANS),
        )  # fmt: skip
        self.go_insights = action(
            _("&Insights"), "Alt+5", _("How well you follow up: charts and their numbers"),
            lambda: self._on_workspace("go", INSIGHTS),
        )  # fmt: skip
        self.transfer = TransferActions(self, action, lambda: self.context, self._selected_customer)
        self.backups = action(
            _("&Backups…"), None, _("Back up now, or restore an earlier state"),
            self._open_backups,
        )  # fmt: skip
        self.load_sample = action(
            _("Load &sample data…"), None, _("Open a separate demo database"),
            lambda: self.samples.offer(),
        )  # fmt: skip
        self.my_data = action(
            _("Back to &my data"), None, _("Leave the demo database"), self._back_to_my_data
        )
        self.quit_action = action(_("&Quit"), "std:Quit", _("Quit"))
        self.quit_action.triggered.connect(self.close)
        self.about = action(
            _("&About Follow-Up Planner"), None, _("About"), lambda: show_about(self)
        )
        self.shortcuts = action(
            _("&Keyboard shortcuts"), "F1", _("Every key the planner knows"),
            lambda: show_shortcuts(self),
        )  # fmt: skip
        self.outreach = OutreachActions(self, lambda: self.context, self._customer_in_view)
        self.outreach.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.data_actions = [
            self.new_customer, self.record_sale, self.edit_customer, self.delete_customer,
            self.find_customer, self.trash, self.settings, self.go_today, self.go_customers,
            self.go_promises, self.go_plans, self.go_insights, self.load_sample,
            *self.transfer.actions(), self.backups,
        ]  # fmt: skip
        self.data_actions.extend(self.outreach.actions())
        self.calendar_sync = action(
            _("Calendar s&ync…"), None, _("Keep your calendar (CalDAV) in step with follow-ups"),
            self._open_calendar_sync,
        )  # fmt: skip
        self.data_actions.append(self.calendar_sync)
        for item in (*self.data_actions, self.undo, self.my_data):
            item.setEnabled(False)

    # --- attaching a database -------------------------------------------------------------
    def attach(
        self, context: AppContext, demo: bool = False, first_page: FirstPage | None = None
    ) -> None:
        """Build the screens over the services once the database is open; `first_page` is
        the list the start already showed, which the screens take over."""
        from ui.reminders import ReminderController
        from ui.workspace import Workspace

        self.after_first_paint()
        self.detach()
        self.context, self.demo = context, demo
        if not demo:
            self.home_db = context.db_path
        if first_page is None:
            self.workspace = Workspace(context, self)
        else:
            self.workspace = Workspace(context, self, first_page.shell, first_page.model)
        if self.centralWidget() is not self.workspace.widget:
            self.setCentralWidget(self.workspace.widget)
        self.workspace.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.workspace.page_changed.connect(self._page_changed)
        self.workspace.welcome.load_sample.clicked.connect(lambda: self.samples.offer())
        self.workspace.undo_changed.connect(self._show_undo)
        self.workspace.today.overdue_changed.connect(self._set_overdue)
        self.workspace.profile_wanted.connect(self._open_settings)
        self.touchpoint_menu.clear()
        for action in self.workspace.today.actions():
            self.touchpoint_menu.addAction(action)
        for action in self.data_actions:
            action.setEnabled(True)
        self.my_data.setEnabled(demo)
        self._set_overdue(max(self.workspace.today.overdue, 0))
        self._page_changed(self.workspace.current())
        assert self.tray is not None  # made by after_first_paint
        self.reminders = ReminderController(context, self.tray.notify)
        self.reminders.start()
        from ui.sync_runner import SyncRunner

        runner = self.sync_runner = SyncRunner(context, self)
        runner.status.connect(self.sync_label.setText)
        self.workspace.data_changed.connect(runner.on_changes)
        runner.start()
        where = _("Sample data (demo database)") if demo else str(context.db_path)
        self.statusBar().showMessage(_("Database: {where}").format(where=where))
        self.workspace.keyboard_focus()

    def detach(self, quitting: bool = False) -> None:
        """Let go of the open database (to open another, or to quit: then a sync still under
        way is cancelled and not waited for long)."""
        if self.sync_runner is not None:
            if quitting:
                self.sync_runner.stop(QUIT_WAIT_MS)
            else:
                self.sync_runner.stop()
            self.sync_runner.deleteLater()
            self.sync_runner = None
            self.sync_label.clear()
        if self.reminders is not None:
            self.reminders.stop()
            self.reminders = None
        self._show_undo(_("&Undo"), False)
        if self.workspace is not None:
            self.workspace.save_layout()
            self.workspace.close()
            self.workspace.deleteLater()
            self.workspace = None
        if self.context is not None:
            self.context.close()
            self.context = None

    def _show_undo(self, text: str, available: bool) -> None:
        self.undo.setText(text)
        self.undo.setEnabled(available)

    def _open_calendar_sync(self) -> None:
        if self.context is not None and self.sync_runner is not None:
            from ui.dialogs.sync_dialog import SyncDialog

            run_and_release(SyncDialog(self.context, self.sync_runner, self))

    def _back_to_my_data(self) -> None:
        if self.home_db is not None:
            self.samples.open_database(self.home_db, demo=False)

    def _page_changed(self, page: int) -> None:
        on_list = self.workspace is not None and page == CUSTOMERS
        self.edit_customer.setEnabled(on_list)
        self.delete_customer.setEnabled(
            on_list and bool(self.workspace and self.workspace.on_customer_list())
        )
        self.record_sale.setEnabled(page != WELCOME)

    def _set_overdue(self, count: int) -> None:
        self.overdue = count
        if self.tray is not None:
            self.tray.set_overdue(count)
        self._update_title()

    def _update_title(self) -> None:
        title = _("Follow-Up Planner")
        if self.overdue:
            title += " — " + _("{count} overdue").format(count=self.overdue)
        if self.demo:
            title += " " + _("[sample data]")
        self.setWindowTitle(title)

    def _customer_in_view(self) -> tuple[int, str] | None:
        """The customer whose page is open, if any: a decline from the menu is about them.
        (A follow-up selected in Today says nothing about who a new request came from.)"""
        return self._named(self.workspace.page_customer_id() if self.workspace else None)

    def _selected_customer(self) -> tuple[int, str] | None:
        """The customer selected on screen, if any: a calendar export can be theirs only."""
        return self._named(self.workspace.selected_customer_id() if self.workspace else None)

    def _named(self, customer_id: int | None) -> tuple[int, str] | None:
        if customer_id is None or self.context is None:
            return None
        return customer_id, self.context.customers.get(customer_id).display_name

    def _new_customer(self) -> None:
        if self.workspace is not None:
            self.workspace.go(CUSTOMERS)
            self.workspace.show_customer_list()
            self.workspace.customers.add()

    def data_imported(self, summary: str) -> None:
        """After an import: every screen shows the new customers."""
        if self.workspace is not None and self.workspace.current() == WELCOME:
            self.workspace.go(CUSTOMERS)
        self.statusBar().showMessage(summary, 10_000)

    def _open_backups(self) -> None:
        if self.context is None:
            return
        from ui.dialogs.backups_dialog import BackupsDialog

        run_and_release(BackupsDialog(self.context.backups, self.restore_backup, self))

    def restore_backup(self, name: str) -> None:
        """Close the database, put the backup in its place, and open it again."""
        if self.context is None:
            return
        path, backups, demo = self.context.db_path, self.context.backups, self.demo
        self.detach()
        try:
            result = backups.restore(name)
        except KnownError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, _("Restore backup"), shown(exc))
        else:
            kept = result.kept.name if result.kept else ""
            self.statusBar().showMessage(
                _("Restored {name}; the data it replaced is kept as {kept}.").format(
                    name=name, kept=kept
                ),
                15_000,
            )
        self.samples.open_database(path, demo=demo)

    def _open_settings(self) -> None:
        if self.context is None or self.workspace is None:
            return
        from ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self)
        if run_and_release(dialog) and dialog.saved is not None:
            self.statusBar().showMessage(dialog.summary(), 10_000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.workspace is not None and not self.workspace.can_close():
            event.ignore()
            return
        save_window(self, "main")
        self.detach(quitting=True)
        if self.tray is not None:
            self.tray.hide()  # a quick exit leaves no icon behind in the panel
        super().closeEvent(event)
