"""Today screen behaviour: the agenda, its draft pane, and done / snooze / skip in one key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from app.dto.changes import AGENDA_AREAS, Changes
from app.errors import KnownError
from app.i18n import _, ngettext
from ui.change_stream import change_stream, follow_changes
from ui.controllers.add_follow_up import add_follow_up
from ui.controllers.draft_actions import DraftActions
from ui.controllers.follow_up_flows import FollowUpFlows
from ui.controllers.today_actions import TodayActions
from ui.controllers.today_extras import TodayExtras
from ui.error_text import shown
from ui.item_models.agenda_table import AgendaTableModel, short_day
from ui.today_layout import SPLITTER_KEY, day_heading, prepare_today
from ui.ui_state import ui_settings
from ui.views.today_view import TodayView

if TYPE_CHECKING:
    from app.context import AppContext
    from app.dto.touchpoints import TouchpointDTO

# The app may stay open overnight: look for a new day once a minute.
DAY_CHECK_MS = 60_000


class TodayController(QObject):
    """Connects TodayView to the agenda and touchpoint services; owns the screen's actions."""

    status = Signal(str)
    overdue_changed = Signal(int)
    # A draft's warning asked for the profile: the window opens Settings on it.
    profile_wanted = Signal()
    # A double-click on a row: the window opens that customer's page.
    customer_wanted = Signal(int)

    def __init__(
        self,
        view: TodayView,
        context: AppContext,
        window: QMainWindow,
        first_page: AgendaTableModel | None = None,
    ) -> None:
        """`first_page`: the list the start showed from the file; it is taken over as it is."""
        super().__init__(window)
        self.view = view
        self.context = context
        self.window = window
        self.overdue = -1
        # Where to go after this screen's own change: the rows beside it, and its row.
        self._place: tuple[list[int], int] | None = None
        self._reading = False
        if first_page is None:
            self.model = AgendaTableModel(
                context.agenda, self._zone, self._subject, self, now=context.clock.now
            )
            prepare_today(view, self.model)
        else:
            self.model = first_page
            self.model.setParent(self)
            self.model.take_over(context.agenda, self._zone, self._subject, context.clock.now)
        follow_changes(change_stream(context), view, self.on_changes)
        self.extras = TodayExtras(self, context, view, self)
        self.extras.status.connect(self.status)
        self.flows = FollowUpFlows(
            context, window, self.apply_change, lambda day: short_day(day, self.model.today), self
        )
        self.flows.status.connect(self.status)
        self.drafts = DraftActions(view.draft, context, self, self)
        self.drafts.status.connect(self.status)
        self.extras.suggest_action.triggered.connect(self.drafts.choose_item)
        self.acts = TodayActions(view, [self.extras.suggest_action], self)
        self._connect_actions()
        # Shortcuts work while the screen is shown, whether or not the window has menus for them.
        view.addActions(self.actions())

        view.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        view.table.doubleClicked.connect(lambda _index: self.open_item())
        view.table.customContextMenuRequested.connect(self._context_menu)
        view.days.valueChanged.connect(self._set_days)
        view.draft.status.connect(self.status)
        view.draft.profile_requested.connect(self.profile_wanted)
        view.installEventFilter(self)
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(DAY_CHECK_MS)
        self._day_timer.timeout.connect(self.check_day)
        self._day_timer.start()
        # The list first; the promise check, the header, the summary and the selected
        # row's draft follow on the next turn of the event loop, so the morning's list is
        # on screen sooner (a promise that starts its recovery reloads the list then).
        if first_page is None:
            self.model.reload(keep_subjects=False)
            self.view.show_empty_state(self.model.rowCount() == 0)
        QTimer.singleShot(0, self._finish_first_load)

    # --- actions ------------------------------------------------------------------
    def _connect_actions(self) -> None:
        acts = self.acts
        acts.done.triggered.connect(self.done)
        acts.snooze_next.triggered.connect(self.snooze_to_next_working_day)
        acts.snooze_3.triggered.connect(lambda: self.snooze_by(3))
        acts.snooze_week.triggered.connect(lambda: self.snooze_by(7))
        acts.snooze_pick.triggered.connect(self.snooze_until)
        acts.skip.triggered.connect(self.skip)
        acts.change_date.triggered.connect(self.change_date)
        acts.add.triggered.connect(self.add_follow_up)
        acts.copy_draft.triggered.connect(self.view.draft.copy)
        acts.open_mail.triggered.connect(self.view.draft.open_mail)
        acts.refresh.triggered.connect(self.refresh)

    def actions(self) -> list[QAction]:
        """In menu order; the snooze ones are also in the snooze menu."""
        return [*self.acts.all(), *self.extras.actions()]

    def _update_actions(self) -> None:
        shown = self.view.isVisible()
        item = self.selected() if shown else None
        self.acts.update(shown, item is not None, self.view.draft.draft)
        self.extras.update_actions(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._update_actions()
        return False

    # --- loading ------------------------------------------------------------------
    def refresh(self) -> None:
        """Read everything again, keeping the selected follow-up selected."""
        self._check_promises()
        current = self.selected()
        row = self.view.table.currentIndex().row()
        self._reload([current.id] if current else [], max(row, 0), keep_subjects=False)

    def on_changes(self, changes: Changes) -> None:
        """A committed change the agenda shows: read the list again.

        After this screen's own done, skip or snooze the row that followed is selected
        (the user works downwards) and the drafts already written are kept."""
        if self._reading or not changes.touches(*AGENDA_AREAS):
            return
        if self._place is not None:
            prefer, row = self._place
            self._place = None
            self._reload(prefer, row, keep_subjects=True)
            return
        self.refresh()

    def _check_promises(self) -> bool:
        """A promise past its date starts its recovery; the caller reads the list after."""
        self._reading = True
        try:
            return self.extras.check_promises()
        finally:
            self._reading = False

    def _finish_first_load(self) -> None:
        if self._check_promises():
            self.model.reload(keep_subjects=False)
        self._after_reload([], 0)

    def check_day(self) -> None:
        if self.context.agenda.today_date() != self.model.today:
            self.refresh()

    def _set_days(self, days: int) -> None:
        current = self.selected()
        self.model.set_days_ahead(days)
        ui_settings().setValue("today/days_ahead", days)
        self._after_reload([current.id] if current else [], 0)

    def _reload(self, prefer: list[int], fallback_row: int, keep_subjects: bool) -> None:
        self.model.reload(keep_subjects=keep_subjects)
        self._after_reload(prefer, fallback_row)

    def _after_reload(self, prefer: list[int], fallback_row: int) -> None:
        count = self.context.agenda.overdue_count()
        self._show_summary(count)
        self.extras.show_header()
        if count != self.overdue:
            self.overdue = count
            self.overdue_changed.emit(count)
        rows = self.model.rowCount()
        self.view.show_empty_state(rows == 0)
        for touchpoint_id in prefer:
            if self._select(touchpoint_id):
                return
        if rows:
            self.view.table.selectRow(min(fallback_row, rows - 1))
        else:
            self._show_selected()

    def _show_summary(self, overdue: int) -> None:
        day = day_heading(self.model.today)
        if overdue == 0:
            late = _("nothing overdue")
        else:
            late = ngettext(
                "{overdue} follow-up overdue", "{overdue} follow-ups overdue", overdue
            ).format(overdue=overdue)
        self.view.summary.setText(f"{day} · {late}")

    def _select(self, touchpoint_id: int) -> bool:
        row = self.model.row_of(touchpoint_id)
        while row < 0 and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
            row = self.model.row_of(touchpoint_id)
        if row < 0:
            return False
        self.view.table.selectRow(row)
        self.view.table.scrollTo(self.model.index(row, 0))
        return True

    def selected(self) -> TouchpointDTO | None:
        indexes = self.view.table.selectionModel().selectedRows()
        return self.model.touchpoint_at(indexes[0].row()) if indexes else None

    def _zone(self) -> dt.tzinfo:
        return self.context.settings.get().zone

    def _subject(self, touchpoint_id: int) -> str:
        return self.context.drafts.draft(touchpoint_id).subject

    def _show_selected(self) -> None:
        item = self.selected()
        if item is None:
            self.view.draft.show_nothing()
        else:
            try:
                draft = self.context.drafts.draft(item.id)
            except KnownError as exc:
                self.view.draft.show_nothing(shown(exc))
            else:
                self.drafts.show(item, draft)
                self.model.remember_subject(item, draft.subject)
        self._update_actions()

    def _context_menu(self, pos: QPoint) -> None:
        if self.selected() is None:
            return
        menu = QMenu(self.view.table)
        menu.addAction(self.acts.done)
        menu.addMenu(self.acts.snooze_menu)
        menu.addAction(self.acts.skip)
        if self.extras.suggest_action.isEnabled():
            menu.addAction(self.extras.suggest_action)
        menu.exec(self.view.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # --- done, snooze, skip, change date (the flows are shared with customer pages) --------
    def done(self) -> None:
        item = self._actionable()
        if item is not None:
            self.flows.done(item)

    def skip(self) -> None:
        item = self._actionable()
        if item is not None:
            self.flows.skip(item)

    def snooze_to_next_working_day(self) -> None:
        item = self._actionable()
        if item is not None:
            self.flows.snooze_next(item, self.model.today)

    def snooze_by(self, days: int) -> None:
        item = self._actionable()
        if item is not None:
            self.flows.snooze_by(item, days)

    def snooze_until(self) -> None:
        item = self._actionable()
        if item is not None:
            self.flows.snooze_until(item, self.model.today)

    def change_date(self) -> None:
        item = self._actionable()
        if item is not None:
            self.flows.change_date(item, self.model.today)

    def add_follow_up(self) -> None:
        """For any customer, chosen in the dialog."""
        text = add_follow_up(self.context, None, self.window)
        if text is not None:
            self.status.emit(text)

    def open_item(self) -> None:
        """Double-click or Enter: the customer's page, where everything about it shows (never
        Mark done, which is easy to set off by accident)."""
        item = self.selected()
        if item is not None:
            self.customer_wanted.emit(item.customer_id)

    def show_item(self, item: TouchpointDTO) -> bool:
        """Select a follow-up (its draft shows beside it), looking further ahead if needed;
        False when the list cannot show it."""
        ahead = (item.due_date - self.model.today).days
        if ahead > self.view.days.value() and ahead <= self.view.days.maximum():
            self.view.days.setValue(ahead)
        return self._select(item.id)

    def _actionable(self) -> TouchpointDTO | None:
        return self.selected() if self.view.isVisible() else None

    def apply_change(
        self, item: TouchpointDTO, work: Callable[[], TouchpointDTO]
    ) -> TouchpointDTO | None:
        """Run one change; then select the row that followed it (the user works downwards)."""
        row = self.model.row_of(item.id)
        neighbours = [self.model.touchpoint_at(row + 1), self.model.touchpoint_at(row - 1)]
        prefer = [other.id for other in neighbours if other is not None]
        # The change arrives through data_changed before work() returns (on_changes).
        self._place = (prefer, row)
        try:
            result = work()
        except KnownError as exc:
            QMessageBox.warning(self.window, _("Follow-Up Planner"), shown(exc))
            # Someone (the CLI, a sync) may have changed it meanwhile: show the truth.
            self._reload([item.id, *prefer], row, keep_subjects=False)
            return None
        finally:
            self._place = None
        return result

    def save_layout(self) -> None:
        sizes = self.view.splitter.sizes()
        # Only a split the user saw: one saved while another page showed is all zeros.
        if self.view.splitter.isVisible() and all(size > 0 for size in sizes):
            ui_settings().setValue(SPLITTER_KEY, self.view.splitter.saveState())
