"""Today's promise side: the delivery record, open requests, feedback scores, library content."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import KnownError
from ui.controllers.delivery_record import record_text
from ui.controllers.request_actions import answer_request
from ui.error_text import shown
from ui.texts import fill

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
        self.suggest_action = QAction(self.tr("Choose what to &bring…"), self)
        self.suggest_action.setShortcut(QKeySequence("Ctrl+L"))
        tip = self.tr("Put a library item this customer has not had yet into the draft")
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
        record = record_text(self.context.commitments.record(), self.tr)
        self.view.promise_record.setText(fill(self.tr("Promises: %1"), record))
        self.view.requests.show_requests(
            self.context.requests.find(), self.context.settings.get().zone, self.today.model.today
        )
        self.view.deliveries.show_deliveries(
            self.context.commitments.deliveries_to_confirm(), self.today.model.today
        )

    # --- actions ------------------------------------------------------------------
    def record_feedback(self, item: TouchpointDTO) -> None:
        """The feedback touchpoint's 'done': a score and what they said."""
        from ui.dialogs.feedback_dialog import FeedbackDialog

        dialog = FeedbackDialog(item.title, self.today.window)
        try:
            if not dialog.exec():
                return
            score, note = dialog.score_value(), dialog.note_text()
        finally:
            dialog.deleteLater()
        outcome: list[str] = []

        def work() -> TouchpointDTO:
            if score is None:
                # No score, no feedback on record: the request is simply done, with their words.
                said = fill(self.tr("No score given. %1"), note) if note else ""
                return self.context.touchpoints.done(
                    item.id, note=said or self.tr("No score given.")
                )
            result = self.context.feedback.record(item.id, score, note)
            if result.skipped:
                outcome.append(self.tr("referral ask called off, recovery call planned"))
            elif result.moved:
                outcome.append(self.tr("referral ask brought forward"))
            return self.context.touchpoints.get(item.id)

        if self.today.apply_change(item, work) is not None:
            if score is None:
                text = self.tr("Feedback request done; no score given")
            else:
                text = fill(self.tr("Feedback recorded: %1/5"), str(score))
            self.status.emit("; ".join([text, *outcome]) + ".")

    def delivered(self) -> None:
        """It arrived: record the day; the promise is kept (or not) by that day."""
        promise = self.view.deliveries.selected()
        if promise is None or promise.sale_id is None:
            return
        from ui.dialogs.delivered_dialog import DeliveredDialog

        today = self.today.model.today
        what = fill(self.tr("%1 — %2"), promise.customer_name, promise.text)
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
            QMessageBox.warning(self.today.window, self.tr("Follow-Up Planner"), shown(exc))
            return
        kept = day <= promise.due_on
        self.status.emit(
            fill(self.tr("Delivered: %1. The promise was kept."), promise.text)
            if kept
            else fill(self.tr("Delivered late: %1."), promise.text)
        )

    def not_delivered(self) -> None:
        """Not yet: the promise is at risk and its recovery starts today."""
        promise = self.view.deliveries.selected()
        if promise is None:
            return
        from ui.dialogs.note_dialog import NoteDialog

        dialog = NoteDialog(
            self.tr("Delivery at risk"),
            fill(self.tr("%1 — the recovery starts now: its first steps are due today."),
                 promise.text),
            self.tr("Start &recovery"),
            lambda note: self.context.commitments.at_risk(promise.id, note),
            self.today.window,
            self.tr("What is late, and why"),
        )  # fmt: skip
        try:
            started = dialog.exec()
        finally:
            dialog.deleteLater()
        if started:
            self.status.emit(fill(self.tr("Recovery started for %1."), promise.text))

    def answer_request(self) -> None:
        request_id = self.view.requests.selected_id()
        if request_id is None:
            return
        shown_as = self.view.requests.list.currentItem().text()
        if answer_request(self.context, self.today.window, request_id, shown_as):
            self.status.emit(self.tr("Request answered."))
