"""A customer page's "Coming up" rows: done, snooze, skip, change date, open draft, add.

The dialogs and service calls are Today's (FollowUpFlows); this screen only says which
follow-up is meant and shows a refusal, and the change feed refreshes the page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton, QWidget

from app.context import AppContext
from app.dto.timeline import TOUCHPOINT, TimelineEntry
from app.dto.touchpoints import TouchpointDTO
from app.dto.vocabulary import Status
from app.errors import KnownError
from app.i18n import _
from ui.controllers.add_follow_up import add_follow_up
from ui.controllers.follow_up_flows import FollowUpFlows, Work
from ui.error_text import shown
from ui.item_models.timeline_table import TimelineTableModel, date_text
from ui.look.icons import icon
from ui.views.customer_page import CustomerPageView


class ComingUpActions(QObject):
    """Acts on the selected planned follow-up of the page's customer."""

    status = Signal(str)
    # Open draft: the window shows the follow-up in Today, its draft beside it.
    draft_wanted = Signal(object)

    def __init__(
        self,
        view: CustomerPageView,
        context: AppContext,
        window: QWidget,
        model: TimelineTableModel,
        customer_id: Callable[[], int | None],
    ) -> None:
        super().__init__(window)
        self.view, self.context, self.window = view, context, window
        self.model, self._customer_id = model, customer_id
        self.flows = FollowUpFlows(context, window, self._apply, date_text, self)
        self.flows.status.connect(self.status)
        self.done = self._action(_("Mark &done…"), "check", self._on(self.flows.done))
        self.snooze_next = self._action(
            _("Snooze to &next working day"),
            "",
            self._on(lambda item: self.flows.snooze_next(item, self._today())),
        )
        self.snooze_3 = self._action(
            _("Snooze &3 days"), "", self._on(lambda item: self.flows.snooze_by(item, 3))
        )
        self.snooze_week = self._action(
            _("Snooze a &week"), "", self._on(lambda item: self.flows.snooze_by(item, 7))
        )
        self.snooze_pick = self._action(
            _("Snooze &until…"),
            "",
            self._on(lambda item: self.flows.snooze_until(item, self._today())),
        )
        self.skip = self._action(_("S&kip…"), "skip-forward", self._on(self.flows.skip))
        self.change_date = self._action(
            _("C&hange date…"),
            "calendar-clock",
            self._on(lambda item: self.flows.change_date(item, self._today())),
        )
        self.open_draft = self._action(
            _("&Open draft"), "mail-open", self._on(self.draft_wanted.emit)
        )
        self.add = self._action(_("&Add follow-up…"), "plus", self.add_follow_up)
        self.snooze_menu = QMenu(_("&Snooze"), view)
        for action in self.snoozes():
            self.snooze_menu.addAction(action)
        snooze = QToolButton()
        snooze.setObjectName("upcomingSnooze")
        snooze.setText(_("Snooze"))
        snooze.setIcon(icon("alarm-clock"))
        snooze.setToolButtonStyle(view.upcoming_tools.toolButtonStyle())
        snooze.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        snooze.setMenu(self.snooze_menu)
        snooze.clicked.connect(self.snooze_next.trigger)
        self.snooze_button = snooze
        tools = view.upcoming_tools
        tools.addAction(self.done)
        tools.addWidget(snooze)
        for action in (self.skip, self.change_date, self.open_draft, self.add):
            tools.addAction(action)
        view.upcoming.doubleClicked.connect(lambda _index: self.open_draft.trigger())
        view.upcoming.customContextMenuRequested.connect(self._context_menu)
        view.upcoming.selectionModel().selectionChanged.connect(lambda *_: self.update())
        model.modelReset.connect(self.update)
        self.update()

    def _action(self, text: str, glyph: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        if glyph:
            action.setIcon(icon(glyph))
        action.triggered.connect(slot)
        return action

    def _on(self, act: Callable[[TouchpointDTO], object]) -> Callable[[], None]:
        def run() -> None:
            item = self.selected()
            if item is not None:
                act(item)

        return run

    def snoozes(self) -> list[QAction]:
        return [self.snooze_next, self.snooze_3, self.snooze_week, self.snooze_pick]

    def row_actions(self) -> list[QAction]:
        return [self.done, *self.snoozes(), self.skip, self.change_date, self.open_draft]

    def _entry(self) -> TimelineEntry | None:
        rows = self.view.upcoming.selectionModel().selectedRows()
        entry = self.model.entry_at(rows[0].row()) if rows else None
        if entry is None or entry.source != TOUCHPOINT or entry.status != Status.PLANNED:
            return None  # a promise's line, or nothing chosen
        return entry

    def selected(self) -> TouchpointDTO | None:
        entry = self._entry()
        if entry is None:
            return None
        try:
            return self.context.touchpoints.get(entry.source_id)
        except KnownError as exc:
            self.status.emit(shown(exc))
            return None

    def update(self) -> None:
        chosen = self._entry() is not None
        for action in self.row_actions():
            action.setEnabled(chosen)
        self.snooze_button.setEnabled(chosen)
        self.add.setEnabled(self._customer_id() is not None)

    def add_follow_up(self) -> None:
        text = add_follow_up(self.context, self._customer_id(), self.window)
        if text is not None:
            self.status.emit(text)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self.view.upcoming)
        if self._entry() is not None:
            menu.addAction(self.done)
            menu.addMenu(self.snooze_menu)
            for action in (self.skip, self.change_date, self.open_draft):
                menu.addAction(action)
            menu.addSeparator()
        menu.addAction(self.add)
        menu.exec(self.view.upcoming.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _today(self) -> dt.date:
        return self.context.agenda.today_date()

    def _apply(self, item: TouchpointDTO, work: Work) -> TouchpointDTO | None:
        try:
            return work()
        except KnownError as exc:
            QMessageBox.warning(self.window, _("Follow-Up Planner"), shown(exc))
            return None
