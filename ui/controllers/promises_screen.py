"""The Promises & requests screen: promises across customers (their states and actions), the
requests waiting for an answer, and declines with their come-back dates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.dto.changes import Area, Changes
from app.i18n import _
from ui.change_stream import change_stream, follow_changes
from ui.controllers.promises_controller import PromisesController
from ui.controllers.request_actions import answer_request
from ui.dialogs.modal import run_and_release
from ui.item_models.decline_table import DeclineTableModel
from ui.views.promises_screen import PromisesScreenView

if TYPE_CHECKING:
    from app.context import AppContext

# What the screen shows changes with these.
AREAS = (Area.COMMITMENTS, Area.TOUCHPOINTS, Area.CUSTOMERS, Area.OUTREACH, Area.SETTINGS)


class PromisesScreen(QObject):
    """Reads everything again on a change that concerns it while shown, else when shown."""

    status = Signal(str)
    # The customer to open (the window switches to their page).
    customer_wanted = Signal(int)

    def __init__(self, view: PromisesScreenView, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.view, self.context, self.window = view, context, window
        self.promises = PromisesController(view.promises, context, window, across_customers=True)
        self.promises.status.connect(self.status)
        self.declines = DeclineTableModel(self)
        view.declines.setModel(self.declines)
        view.show_resolved.toggled.connect(self._show_resolved)
        view.open_customer.clicked.connect(self._open_promise_customer)
        view.requests.answer.clicked.connect(self.answer)
        view.requests.list.itemActivated.connect(lambda _item: self.answer())
        view.declines.doubleClicked.connect(lambda _index: self._open_decline_customer())
        view.decline.clicked.connect(self.decline)
        self._stale = True
        follow_changes(change_stream(context), view, self.on_changes)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(*AREAS):
            self._stale = True
            if self.view.isVisible():
                self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.promises.refresh()
        zone = self.context.settings.get().zone
        self.view.requests.show_requests(
            self.context.requests.find(), zone, self.context.agenda.today_date()
        )
        declines = self.context.declines.find()
        # The come-backs still ahead first, soonest first; then the rest, newest first.
        today = self.context.agenda.today_date()
        ahead = sorted(
            (d for d in declines if d.come_back_on and d.come_back_on >= today),
            key=lambda d: d.come_back_on or today,
        )
        self.declines.set_rows([*ahead, *(d for d in declines if d not in ahead)])

    def show(self) -> None:
        """The screen comes into view: read what changed while it was away."""
        if self._stale:
            self.refresh()

    def _show_resolved(self, on: bool) -> None:
        self.promises.show_resolved = on
        self.promises.refresh()

    def _open_promise_customer(self) -> None:
        item = self.promises.selected()
        if item is not None:
            self.customer_wanted.emit(item.customer_id)

    def _open_decline_customer(self) -> None:
        rows = self.view.declines.selectionModel().selectedRows()
        item = self.declines.decline_at(rows[0].row()) if rows else None
        if item is not None and item.customer_id is not None:
            self.customer_wanted.emit(item.customer_id)

    def answer(self) -> None:
        request_id = self.view.requests.selected_id()
        row = self.view.requests.list.currentItem()
        if request_id is None or row is None:
            return
        if answer_request(self.context, self.window, request_id, row.text()):
            self.status.emit(_("Request answered."))

    def decline(self) -> None:
        from ui.dialogs.decline_dialog import DeclineDialog

        dialog = DeclineDialog(
            self.context.declines,
            self.context.partners,
            self.context.agenda.today_date(),
            None,
            self.window,
            pick=self.context.customers,
        )
        if run_and_release(dialog):
            self.status.emit(_("Decline recorded."))
