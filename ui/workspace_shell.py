"""The workspace's widgets (sidebar, pages, Today's view), built before any service is ready."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QWidget

from app.i18n import _
from ui.views.today_view import TodayView
from ui.views.welcome_view import WelcomeView
from ui.widgets.sidebar import Sidebar


# The same numbers as ui.main_window's, which must not import this module before first paint.
class Page(IntEnum):
    """The sidebar's pages, in stack order (the welcome page has no sidebar row)."""

    TODAY = 0
    CUSTOMERS = 1
    PROMISES = 2
    PLANS = 3
    INSIGHTS = 4
    WELCOME = 5


TODAY, CUSTOMERS, PROMISES, PLANS, INSIGHTS, WELCOME = Page


class WorkspaceShell:
    """Only widgets: the start shows Today's first page in it while the services load,
    then the Workspace takes it over (or builds one of its own)."""

    def __init__(self) -> None:
        self.widget = QWidget()
        self.sidebar = Sidebar(
            [
                (_("Today"), "sun"),
                (_("Customers"), "users"),
                (_("Promises & requests"), "shield-check"),
                (_("Plans"), "list-checks"),
                (_("Insights"), "chart-column"),
            ]
        )
        self.pages = QStackedWidget()
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)

        self.today_view = TodayView()
        self.welcome = WelcomeView()
        # The other pages hold their slots with bare widgets until first built; a page is
        # always built before it is shown, so these are never on screen.
        self.stand_ins: dict[int, QWidget] = {
            CUSTOMERS: QWidget(),
            PROMISES: QWidget(),
            PLANS: QWidget(),
            INSIGHTS: QWidget(),
        }
        for page in (self.today_view, *self.stand_ins.values(), self.welcome):
            self.pages.addWidget(page)

    def select_sidebar(self, row: int) -> None:
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(row)
        self.sidebar.blockSignals(False)
