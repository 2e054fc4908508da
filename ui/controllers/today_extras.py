"""Today's promise side: the delivery record, open requests, feedback scores, library content."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from app.errors import KnownError
from ui.controllers.delivery_record import record_text
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
            result = self.context.feedback.record(item.id, score, note)
            if result.skipped:
                outcome.append(self.tr("referral ask called off, recovery call planned"))
            elif result.moved:
                outcome.append(self.tr("referral ask brought forward"))
            return self.context.touchpoints.get(item.id)

        if self.today.apply_change(item, work) is not None:
            text = fill(self.tr("Feedback recorded: %1/5"), str(score))
            self.status.emit("; ".join([text, *outcome]) + ".")

    def answer_request(self) -> None:
        request_id = self.view.requests.selected_id()
        if request_id is None:
            return
        from ui.dialogs.note_dialog import NoteDialog

        dialog = NoteDialog(
            self.tr("Answer request"),
            self.view.requests.list.currentItem().text(),
            self.tr("Mark &answered"),
            lambda note: self.context.requests.answer(request_id, note),
            self.today.window,
            self.tr("What you answered"),
        )
        try:
            answered = dialog.exec()
        finally:
            dialog.deleteLater()
        if answered:
            self.status.emit(self.tr("Request answered."))
