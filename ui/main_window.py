"""The main window: menus, toolbar, status bar, and the screens once data is loaded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QToolBar

from app.context import AppContext
from app.paths import resources_dir
from app.version import app_version
from ui.controllers.customers_controller import CustomersController
from ui.ui_state import restore_window, save_window
from ui.views.customers_view import CustomersView


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "app.svg"))


class MainWindow(QMainWindow):
    """Shown before the database opens (fast first paint); `attach` fills it."""

    def __init__(self) -> None:
        super().__init__()
        self.context: AppContext | None = None
        self.customers: CustomersController | None = None
        self.setWindowTitle(self.tr("Follow-Up Planner"))
        self.setWindowIcon(app_icon())
        self.setMinimumSize(720, 480)
        if not restore_window(self, "main"):
            self.resize(1100, 700)
        loading = QLabel(self.tr("Opening your planner…"))
        loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(loading)
        self._build_actions()
        self.statusBar().showMessage(self.tr("Loading…"))

    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, tip: str
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            tip = f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setEnabled(False)
        return action

    def _build_actions(self) -> None:
        self.new_customer = self._action(
            self.tr("&New customer…"), QKeySequence.StandardKey.New, self.tr("Add a customer")
        )
        self.edit_customer = self._action(
            self.tr("&Edit customer…"), "Ctrl+E", self.tr("Edit the selected customer")
        )
        self.delete_customer = self._action(
            self.tr("&Delete customer"),
            QKeySequence.StandardKey.Delete,
            self.tr("Move the selected customer to the trash"),
        )
        self.undo = self._action(
            self.tr("&Undo delete"), QKeySequence.StandardKey.Undo, self.tr("Bring it back")
        )
        self.find_customer = self._action(
            self.tr("&Find customer"), QKeySequence.StandardKey.Find, self.tr("Search customers")
        )
        self.trash = self._action(self.tr("&Trash…"), None, self.tr("Deleted customers"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        about = QAction(self.tr("&About Follow-Up Planner"), self)
        about.triggered.connect(self._about)

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_customer)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        for action in (self.undo, self.edit_customer, self.delete_customer, self.find_customer):
            edit_menu.addAction(action)
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self.trash)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(about)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        for action in (self.new_customer, self.edit_customer, self.delete_customer):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def attach(self, context: AppContext) -> None:
        """Build the screens over the services once the database is open."""
        self.context = context
        view = CustomersView()
        self.setCentralWidget(view)
        self.customers = CustomersController(view, context.customers, self)
        self.customers.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.customers.undo_available.connect(self.undo.setEnabled)
        self.new_customer.triggered.connect(self.customers.add)
        self.edit_customer.triggered.connect(self.customers.edit_selected)
        self.delete_customer.triggered.connect(self.customers.delete_selected)
        self.undo.triggered.connect(self.customers.undo_delete)
        self.find_customer.triggered.connect(lambda: self._focus_search(view))
        self.trash.triggered.connect(self.customers.show_trash)
        for action in (
            self.new_customer,
            self.edit_customer,
            self.delete_customer,
            self.find_customer,
        ):
            action.setEnabled(True)
        self.trash.setEnabled(True)
        view.table.activated.connect(lambda _index: self._edit())
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", str(context.db_path)))
        (view.search if context.customers.count() else view.add_first).setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        save_window(self, "main")
        if self.customers is not None:
            self.customers.save_layout()
        super().closeEvent(event)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Follow-Up Planner"),
            self.tr("Follow-Up Planner %1\nYour after-sale follow-ups, scheduled.").replace(
                "%1", app_version()
            ),
        )

    def _edit(self) -> None:
        if self.customers is not None:
            self.customers.edit_selected()

    @staticmethod
    def _focus_search(view: CustomersView) -> None:
        view.search.setFocus()
        view.search.selectAll()
