"""The screens built on first visit (Customers with a customer's page, Plans, Insights), each
wired to the workspace that hosts it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QStackedWidget

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QMainWindow

    from app.context import AppContext
    from app.dto.touchpoints import TouchpointDTO
    from ui.change_stream import ChangeStream
    from ui.controllers.undo_tracker import UndoTracker


class ScreenHost(Protocol):
    """What a screen needs from the workspace: the data, the window, the status line, undo,
    and the ways to move between screens."""

    context: AppContext
    window: QMainWindow
    stream: ChangeStream
    undo_tracker: UndoTracker

    @property
    def status(self) -> SignalInstance: ...

    def open_customer(self, customer_id: int) -> None: ...

    def show_customer_list(self) -> None: ...

    def open_draft(self, item: TouchpointDTO) -> None: ...


class CustomersScreen:
    """The customer list and a customer's page, stacked in one sidebar slot."""

    def __init__(self, workspace: ScreenHost) -> None:
        from ui.controllers.customer_page_controller import CustomerPageController
        from ui.controllers.customers_controller import CustomersController
        from ui.views.customer_page import CustomerPageView
        from ui.views.customers_view import CustomersView

        context, window = workspace.context, workspace.window
        self.customers_view = CustomersView()
        self.customer_page_view = CustomerPageView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.customers_view)
        self.stack.addWidget(self.customer_page_view)
        self.customers = CustomersController(
            self.customers_view, context.customers, window, workspace.stream
        )
        self.customer_page = CustomerPageController(self.customer_page_view, context, window)
        for controller in (self.customers, self.customer_page):
            controller.status.connect(workspace.status)
        tracker = workspace.undo_tracker
        self.customers.undo_available.connect(
            lambda available: tracker.deletion(available, self.customers.undo_delete)
        )
        self.customers.open_requested.connect(workspace.open_customer)
        self.customer_page.back_requested.connect(workspace.show_customer_list)
        self.customer_page.draft_wanted.connect(workspace.open_draft)


class PlansScreen:
    """Plans and their steps, with the template editor."""

    def __init__(self, workspace: ScreenHost) -> None:
        from ui.controllers.plans_controller import PlansController
        from ui.views.plans_view import PlansView

        self.view = PlansView()
        self.plans = PlansController(self.view, workspace.context, workspace.window)
        self.plans.status.connect(workspace.status)


class InsightsScreen:
    """The figures of a period; the chart widgets load with it, on first visit."""

    def __init__(self, workspace: ScreenHost) -> None:
        from ui.controllers.insights_controller import InsightsController
        from ui.views.insights_view import InsightsView

        self.view = InsightsView()
        self.insights = InsightsController(self.view, workspace.context, workspace.window)
        self.insights.status.connect(workspace.status)
        self.insights.customer_chosen.connect(workspace.open_customer)
