"""The screens over one open database: sidebar, pages and their controllers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from app.context import AppContext
from app.dto.changes import Area, Changes
from app.i18n import _, ngettext
from ui.change_stream import change_stream
from ui.controllers.today_controller import TodayController
from ui.controllers.undo_tracker import UndoTracker
from ui.lazy_screens import CustomersScreen, InsightsScreen, PlansScreen
from ui.widgets.sidebar import Badge
from ui.workspace_shell import (
    CUSTOMERS,
    INSIGHTS,
    PLANS,
    PROMISES,
    TODAY,
    WELCOME,
    WorkspaceShell,
)

if TYPE_CHECKING:
    from app.dto.touchpoints import TouchpointDTO
    from ui.controllers.customer_page_controller import CustomerPageController
    from ui.controllers.customers_controller import CustomersController
    from ui.controllers.insights_controller import InsightsController
    from ui.controllers.plans_controller import PlansController
    from ui.controllers.promises_screen import PromisesScreen
    from ui.item_models.agenda_table import AgendaTableModel
    from ui.views.customer_page import CustomerPageView
    from ui.views.customers_view import CustomersView
    from ui.views.insights_view import InsightsView
    from ui.views.plans_view import PlansView


class Workspace(QObject):
    """Builds the screens for a context and switches between them.

    Today and the welcome page are built at once; Customers (with the customer page),
    Plans and Insights (with its charts) on their first visit, so the morning's list is on
    screen sooner.

    `data_changed(Changes)` carries every committed write; each screen built so far reads
    again what concerns it, screens out of sight when they are shown next."""

    status = Signal(str)
    page_changed = Signal(int)
    # The welcome page or a draft asked for the profile: the window opens it.
    profile_wanted = Signal()
    # Edit -> Undo: its text ("&Undo mark done") and whether there is anything to undo.
    undo_changed = Signal(str, bool)

    def __init__(
        self,
        context: AppContext,
        window: QMainWindow,
        shell: WorkspaceShell | None = None,
        first_page: AgendaTableModel | None = None,
    ) -> None:
        """`shell` and `first_page`: the widgets and Today's list the start already showed."""
        super().__init__(window)
        self.context = context
        self.window = window
        shell = shell or WorkspaceShell()
        self.widget, self.sidebar, self.pages = shell.widget, shell.sidebar, shell.pages
        self.today_view, self.welcome = shell.today_view, shell.welcome
        self._stand_ins = shell.stand_ins
        self._select_sidebar = shell.select_sidebar
        self._customers: CustomersScreen | None = None
        self._plans: PlansScreen | None = None
        self._promises: PromisesScreen | None = None
        self._insights: InsightsScreen | None = None

        self.stream = change_stream(context)
        self.data_changed = self.stream.data_changed
        self.today = TodayController(self.today_view, context, window, first_page)
        self.today.status.connect(self.status)
        self.welcome.add_customer.clicked.connect(self.add_first_customer)
        self.welcome.import_customers.clicked.connect(self.import_customers)
        self.welcome.profile_button.clicked.connect(self.profile_wanted)
        self.today.profile_wanted.connect(self.profile_wanted)
        self.today.customer_wanted.connect(self.open_customer)
        self.data_changed.connect(self._changed)
        self.undo_tracker = UndoTracker(context, window, self)
        self.undo_tracker.changed.connect(self.undo_changed)
        self.undo_tracker.status.connect(self.status)
        self.data_changed.connect(self.undo_tracker.on_changes)
        self._show_profile()
        self.today.overdue_changed.connect(self._count_overdue)
        self._count_overdue(max(self.today.overdue, 0))
        self._count_promises()
        self.sidebar.currentRowChanged.connect(self._sidebar_row)
        # Anything due means there are customers: the count (and the customer service's
        # import) is only needed for an empty list.
        has_customers = self.today.model.rowCount() > 0 or context.customers.count() > 0
        first = TODAY if has_customers else WELCOME
        # The controllers have just loaded their first pages: no second load on start-up.
        self.go(first, refresh=False)

    # --- screens built on first use ---------------------------------------------------
    def _place(self, index: int, page: QWidget) -> None:
        stand_in = self._stand_ins.pop(index)
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(stand_in)
        stand_in.deleteLater()

    def _customer_screens(self) -> CustomersScreen:
        if self._customers is None:
            self._customers = CustomersScreen(self)
            self._place(CUSTOMERS, self._customers.stack)
        return self._customers

    def _promises_screen(self) -> PromisesScreen:
        if self._promises is None:
            from ui.controllers.promises_screen import PromisesScreen
            from ui.views.promises_screen import PromisesScreenView

            view = PromisesScreenView()
            self._promises = PromisesScreen(view, self.context, self.window)
            self._promises.status.connect(self.status)
            self._promises.customer_wanted.connect(self.open_customer)
            self._place(PROMISES, view)
        return self._promises

    @property
    def promises(self) -> PromisesScreen:
        return self._promises_screen()

    def _plans_screen(self) -> PlansScreen:
        if self._plans is None:
            self._plans = PlansScreen(self)
            self._place(PLANS, self._plans.view)
        return self._plans

    def _insights_screen(self) -> InsightsScreen:
        if self._insights is None:
            self._insights = InsightsScreen(self)
            self._place(INSIGHTS, self._insights.view)
        return self._insights

    @property
    def insights(self) -> InsightsController:
        return self._insights_screen().insights

    @property
    def insights_view(self) -> InsightsView:
        return self._insights_screen().view

    @property
    def customers(self) -> CustomersController:
        return self._customer_screens().customers

    @property
    def customers_view(self) -> CustomersView:
        return self._customer_screens().customers_view

    @property
    def customer_page(self) -> CustomerPageController:
        return self._customer_screens().customer_page

    @property
    def customer_page_view(self) -> CustomerPageView:
        return self._customer_screens().customer_page_view

    @property
    def customer_stack(self) -> QStackedWidget:
        return self._customer_screens().stack

    @property
    def plans(self) -> PlansController:
        return self._plans_screen().plans

    @property
    def plans_view(self) -> PlansView:
        return self._plans_screen().view

    # --- navigation -------------------------------------------------------------------
    def go(self, page: int, refresh: bool = True) -> None:
        if self.pages.currentIndex() == PLANS and page != PLANS and not self.plans.settle_edits():
            self._select_sidebar(PLANS)
            return
        if page == CUSTOMERS:
            self._customer_screens()
        elif page == PROMISES:
            self._promises_screen()
        elif page == PLANS:
            self._plans_screen()
        elif page == INSIGHTS:
            self._insights_screen()
        self.pages.setCurrentIndex(page)
        self._select_sidebar(page if page != WELCOME else -1)
        if page == TODAY:
            if refresh:
                self.today.refresh()
            self.today_view.setFocus()
        elif page == PROMISES:
            self.promises.show()
            self.promises.view.setFocus()
        elif page == CUSTOMERS and refresh:
            # Changes made while the screen was out of sight: it reads them now.
            if self.customer_stack.currentIndex() == 0:
                self.customers.refresh()
            else:
                self.customer_page.refresh()
        elif page == INSIGHTS:
            self.insights.refresh_if_stale()
            self.insights_view.keyboard_focus()
        self.page_changed.emit(page)

    def _sidebar_row(self, row: int) -> None:
        if row >= 0:
            self.go(row)

    def current(self) -> int:
        return self.pages.currentIndex()

    def on_customer_list(self) -> bool:
        return self.current() == CUSTOMERS and self.customer_stack.currentIndex() == 0

    def show_customer_list(self) -> None:
        self.customer_stack.setCurrentIndex(0)
        self.customers.refresh()
        self.customers_view.table.setFocus()

    def open_customer(self, customer_id: int) -> None:
        self.go(CUSTOMERS)
        self.customer_page.show_customer(customer_id)
        self.customer_stack.setCurrentIndex(1)

    def undo(self) -> None:
        """Edit -> Undo (Ctrl+Z): the newest follow-up action or customer deletion."""
        self.undo_tracker.undo()

    def open_draft(self, item: TouchpointDTO) -> None:
        """A follow-up's draft: Today, with the follow-up selected and its draft beside it."""
        self.go(TODAY)
        if not self.today.show_item(item):
            self.open_customer(item.customer_id)  # back where the user was
            self.status.emit(
                _(
                    "Today does not list this follow-up: it is too far ahead, or a later "
                    "step of a recovery."
                )
            )

    # --- actions ----------------------------------------------------------------------
    def add_first_customer(self) -> None:
        self.go(CUSTOMERS)
        self.customers.add()
        if self.context.customers.count() == 0:
            self.go(WELCOME)

    def import_customers(self) -> None:
        from ui.dialogs.import_dialog import choose_and_preview

        choose_and_preview(self.context, self.window)

    def page_customer_id(self) -> int | None:
        """The customer whose page is open, if any."""
        if self.current() == CUSTOMERS and self.customer_stack.currentIndex() == 1:
            return self.customer_page.customer_id
        return None

    def selected_customer_id(self) -> int | None:
        if self.current() == CUSTOMERS and self.customer_stack.currentIndex() == 1:
            return self.customer_page.customer_id
        if self.current() == TODAY:
            item = self.today.selected()
            return item.customer_id if item else None
        if self._customers is None:
            return None
        customer = self.customers.selected()
        return customer.id if customer else None

    def record_sale(self) -> None:
        """For the customer in view or selected; with none, the dialog asks whom it is for."""
        customer_id = self.selected_customer_id()
        from ui.controllers.sale_action import record_sale

        text = record_sale(self.context, customer_id, self.window)
        if text is not None:
            self.status.emit(text)

    # --- changes --------------------------------------------------------------------------
    def _changed(self, changes: Changes) -> None:
        if changes.touches(Area.SETTINGS):
            self._show_profile()
        if changes.touches(Area.COMMITMENTS, Area.TOUCHPOINTS, Area.CUSTOMERS):
            self._count_promises()

    def _count_overdue(self, overdue: int) -> None:
        says = ngettext("{n} follow-up overdue", "{n} follow-ups overdue", overdue).format(
            n=overdue
        )
        self.sidebar.set_badges(TODAY, [Badge(overdue, "overdue", says)])

    def _count_promises(self) -> None:
        """Promises at risk and requests waiting: indexed counts, read after each change."""
        at_risk = self.context.commitments.record().at_risk
        requests = self.context.requests.find()
        late = sum(1 for request in requests if request.overdue)
        self.sidebar.set_badges(
            PROMISES,
            [
                Badge(
                    at_risk,
                    "at_risk",
                    ngettext("{n} promise at risk", "{n} promises at risk", at_risk).format(
                        n=at_risk
                    ),
                ),
                Badge(
                    len(requests),
                    "overdue" if late else "",
                    ngettext("{n} request waiting", "{n} requests waiting", len(requests)).format(
                        n=len(requests)
                    ),
                ),
            ],
        )

    def _show_profile(self) -> None:
        prefs = self.context.settings.get()
        reach = next(
            (value for value in (prefs.my_email, prefs.my_phone, prefs.my_mobile) if value), ""
        )
        self.welcome.show_profile(prefs.my_name, reach)

    def close(self) -> None:
        """The database is being closed: no more changes reach these screens."""
        self.stream.close()

    def can_close(self) -> bool:
        return self._plans is None or self.plans.settle_edits()

    def save_layout(self) -> None:
        self.today.save_layout()
        if self._customers is not None:
            self.customers.save_layout()
        if self._plans is not None:
            self.plans.save_layout()

    def focus_search(self) -> None:
        self.go(CUSTOMERS)
        self.show_customer_list()
        self.customers_view.search.setFocus()
        self.customers_view.search.selectAll()

    def keyboard_focus(self) -> None:
        welcome = self.welcome
        first = (
            welcome.profile_button if welcome.profile_button.isDefault() else welcome.add_customer
        )
        targets: dict[int, QWidget] = {TODAY: self.today_view, WELCOME: first}
        widget = targets.get(self.current())
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
