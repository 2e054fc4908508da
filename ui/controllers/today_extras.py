"""Today's promise side: the delivery record, open requests, feedback scores, library content."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import KnownError
from app.i18n import _
from ui.controllers.delivery_record import record_text
from ui.controllers.request_actions import answer_request
from ui.error_text import shown

if TYPE_CHECKING:
    from app.context import AppContext
    from app.dto.touchpoints import TouchpointDTO
    from ui.item_models.agenda_table import AgendaTableModel
    from ui.views.today_view import TodayView


class TodayHost(Protocol):
    """What the extras need of the Today screen: its list and how it applies a change."""

    @property
    def window(self) -> QWidget: ...
    @property
    def model(self) -> AgendaTableModel: ...
    def selected(self) -> TouchpointDTO | None: ...
    def refresh(self) -> None: ...
    def apply_change(
        self, item: TouchpointDTO, work: Callable[[], TouchpointDTO]
    ) -> TouchpointDTO | None: ...


class TodayExtras(QObject):
    """Beside the Today screen's controller: it owns these actions and the header figures."""

    # What happened, for the status bar (the controller passes it on).
    status = Signal(str)

    def __init__(
        self, today: TodayHost, context: AppContext, view: TodayView, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.context = context
        self.view = view
        # Triggered: the draft's actions open the chooser (TodayController connects it).
        self.suggest_action = QAction(_("Choose what to &bring…"), self)
        self.suggest_action.setShortcut(QKeySequence("Ctrl+L"))
        tip = _("Put a library item this customer has not had yet into the draft")
        self.suggest_action.setToolTip(f"{tip} (Ctrl+L)")
        self.suggest_action.setStatusTip(tip)
        self.view.requests.answer.clicked.connect(self.answer_request)
        self.view.deliveries.delivered.clicked.connect(self.delivered)
        self.view.deliveries.not_yet.clicked.connect(self.not_delivered)
        self.view.requests.list.itemActivated.connect(lambda _item: self.answer_request())

    def actions(self) -> list[QAction]:
        return [self.suggest_action]

    def update_actions(self, item: TouchpointDTO | None) -> None:
        draft = self.view.draft.draft
        shown = self.view.isVisible() and item is not None and draft is not None
        self.suggest_action.setEnabled(shown and draft is not None and draft.takes_item)

    def check_promises(self) -> bool:
        """Promises whose buffer ran out start their recovery; True when any did."""
        try:
            return bool(self.context.commitments.check_overdue())
        except KnownError as exc:
            self.status.emit(shown(exc))
            return False

    def show_header(self) -> None:
        record = record_text(self.context.commitments.record())
        self.view.promise_record.setText(_("Promises: {record}").format(record=record))
        self.view.requests.show_requests(
            self.context.requests.find(), self.context.settings.get().zone, self.today.model.today
        )
        self.view.deliveries.show_deliveries(
            self.context.commitments.deliveries_to_confirm(), self.today.model.today
        )

    # --- actions ------------------------------------------------------------------
    def delivered(self) -> None:
        """It arrived: record the day; the promise is kept (or not) by that day."""
        promise = self.view.deliveries.selected()
        if promise is None or promise.sale_id is None:
            return
        from ui.dialogs.delivered_dialog import DeliveredDialog

        today = self.today.model.today
        what = _("{customer_name} — {text}").format(
            customer_name=promise.customer_name, text=promise.text
        )
        dialog = DeliveredDialog(what, promise.due_on, today, self.today.window)
        try:
            if not dialog.exec():
                return
            day = dialog.day()
        finally:
            dialog.deleteLater()
        try:
            self.context.sales.update_delivery(promise.sale_id, delivered=day)
        except KnownError as exc:
            QMessageBox.warning(self.today.window, _("Follow-Up Planner"), shown(exc))
            return
        kept = day <= promise.due_on
        self.status.emit(
            _("Delivered: {text}. The promise was kept.").format(text=promise.text)
            if kept
            else _("Delivered late: {text}.").format(text=promise.text)
        )

    def not_delivered(self) -> None:
        """Not yet: the promise is at risk and its recovery starts today."""
        promise = self.view.deliveries.selected()
        if promise is None:
            return
        from ui.dialogs.note_dialog import NoteDialog

        dialog = NoteDialog(
            _("Delivery at risk"),
            _("{text} — the recovery starts now: its first steps are due today.").format(
                text=promise.text
            ),
            _("Start &recovery"),
            lambda note: self.context.commitments.at_risk(promise.id, note),
            self.today.window,
            _("What is late, and why"),
        )  # fmt: skip
        try:
            started = dialog.exec()
        finally:
            dialog.deleteLater()
        if started:
            self.status.emit(_("Recovery started for {text}.").format(text=promise.text))

    def answer_request(self) -> None:
        request_id = self.view.requests.selected_id()
        if request_id is None:
            return
        shown_as = self.view.requests.list.currentItem().text()
        if answer_request(self.context, self.today.window, request_id, shown_as):
            self.status.emit(_("Request answered."))
