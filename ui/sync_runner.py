"""Calendar sync in the background: after changes (debounced), every 15 minutes, and on demand."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.context import AppContext
from app.dto.changes import CALENDAR_AREAS, Changes
from app.dto.sync import SyncReport
from app.i18n import _, ngettext
from app.progress import Progress
from ui.background import BackgroundTask
from ui.dates import time_text

INTERVAL_MS = 15 * 60_000
# Several quick changes (done, snooze, snooze) make one sync, a little after the last one.
DEBOUNCE_MS = 20_000
FIRST_MS = 5_000
STOP_WAIT_MS = 5_000


class SyncRunner(QObject):
    """Never blocks the window; offline just means "try again next time"."""

    status = Signal(str)
    finished = Signal(object)

    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.task: BackgroundTask | None = None
        self.question: QMessageBox | None = None
        self._again = False
        self._timers = [QTimer(self) for _timer in range(3)]
        self._interval, self._debounce, self._first = self._timers
        self._interval.setInterval(INTERVAL_MS)
        for timer, delay in ((self._debounce, DEBOUNCE_MS), (self._first, FIRST_MS)):
            timer.setSingleShot(True)
            timer.setInterval(delay)
        for timer in self._timers:
            timer.timeout.connect(self.sync_now)

    def start(self) -> None:
        self._interval.start()
        self._first.start()

    def stop(self, wait_ms: int = STOP_WAIT_MS) -> None:
        """Stop syncing; a sync under way is cancelled and given `wait_ms` to end (quitting
        gives it little: an unfinished sync is picked up by the next one)."""
        for timer in self._timers:
            timer.stop()
        if self.task is not None:
            self.task.cancel()  # stops between two events; a request in flight has a timeout
            QThreadPool.globalInstance().waitForDone(wait_ms)
            self.task = None

    def schedule(self) -> None:
        """Something changed here: sync a little later (restarts the wait)."""
        self._debounce.start()

    def on_changes(self, changes: Changes) -> None:
        """A committed change: one the calendar shows is synced a little later."""
        if changes.touches(*CALENDAR_AREAS):
            self.schedule()

    def sync_now(self) -> None:
        if self.task is not None:
            self._again = True
            return
        calendar_sync = self.context.calendar_sync
        if not calendar_sync.has_accounts():
            # No calendar set up: no worker thread, no log line, every 15 minutes.
            self._done(SyncReport())
            return

        def work(progress: Progress) -> SyncReport:
            return calendar_sync.sync(ask=True, progress=progress)

        self.task = BackgroundTask(work, _("Calendar sync"), None, show_dialog=False)
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)
        self.task.start()

    def _done(self, report: SyncReport) -> None:
        self.task = None
        if report.accounts == 0:
            self.status.emit("")
        elif report.errors:
            # Offline or refused: nothing is lost, the next run picks up where this one stopped.
            self.status.emit(_("Calendar: {problem} (will retry)").format(problem=report.errors[0]))
        else:
            when = time_text(dt.datetime.now().time())
            self.status.emit(_("Calendar: synced {time}").format(time=when))
        if report.awaiting and self.question is None:
            self._ask()
        self.finished.emit(report)
        if self._again:
            self._again = False
            self.sync_now()

    def _failed(self, message: str, _known: bool) -> None:
        self.task = None
        self.status.emit(_("Calendar sync failed: {reason}").format(reason=message))

    def _cancelled(self) -> None:
        self.task = None

    def _ask(self) -> None:
        """Follow-ups deleted in the calendar: skip them here too, or put them back?"""
        items = self.context.calendar_sync.awaiting()
        if not items:
            return
        titles = "\n".join(f"• {item.title}" for item in items[:8])
        text = (
            ngettext(
                "{n} follow-up was deleted in your calendar:",
                "{n} follow-ups were deleted in your calendar:",
                len(items),
            ).format(n=len(items))
            + f"\n{titles}\n\n"
            + _("Skip them here too, or put them back in the calendar?")
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Deleted in your calendar"),
            text,
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        skip = box.addButton(_("&Skip them"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("&Put them back"), QMessageBox.ButtonRole.RejectRole)
        later = box.addButton(_("Decide &later"), QMessageBox.ButtonRole.DestructiveRole)
        ids = [item.id for item in items]

        def answered() -> None:
            clicked = box.clickedButton()
            self.question = None
            if clicked is later or clicked is None:
                return
            self.context.calendar_sync.resolve_deleted(ids, skip=clicked is skip)

        box.finished.connect(lambda _result: answered())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.question = box
        box.open()
