"""Run slow work off the GUI thread with a progress dialog and a cancel button."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import KnownError
from app.i18n import _
from app.progress import Cancelled, Progress
from app.storage import file_error
from ui.error_text import shown

log = logging.getLogger(__name__)
Result = TypeVar("Result")


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str, bool)
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.signals = signals
        self.progress = Progress(lambda done, total, text: signals.progress.emit(done, total, text))
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.progress)
        except Cancelled:
            self._report(self.signals.cancelled)
        except KnownError as exc:
            self._report(self.signals.failed, shown(exc), True)
        except OSError as exc:
            # An export or import file the user named: say which and why, no traceback.
            named = file_error(exc)
            if named is not None:
                self._report(self.signals.failed, shown(named), True)
            else:
                log.exception("background work failed")
                self._report(self.signals.failed, f"{type(exc).__name__}: {exc}", False)
        except Exception as exc:
            log.exception("background work failed")
            self._report(self.signals.failed, f"{type(exc).__name__}: {exc}", False)
        else:
            self._report(self.signals.finished, result)

    @staticmethod
    def _report(signal: Any, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            # The app is quitting and took the receiver with it; the work itself is done.
            log.info("background work finished after its window closed")


class BackgroundTask(QObject):
    """One piece of work; workers never touch widgets, results come back by signal."""

    finished = Signal(object)
    failed = Signal(str, bool)
    cancelled = Signal()

    def __init__(
        self,
        work: Callable[[Progress], Any],
        title: str,
        parent: QWidget | None = None,
        show_dialog: bool = True,
    ) -> None:
        super().__init__(parent)
        self._signals = _Signals()
        self._job = _Job(work, self._signals)
        self._job.setAutoDelete(False)
        self.dialog: QProgressDialog | None = None
        if show_dialog:
            self.dialog = QProgressDialog(title, _("Cancel"), 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            # Only operations that really take a while show the dialog at all.
            self.dialog.setMinimumDuration(200)
            self.dialog.canceled.connect(self._job.progress.cancel)
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.cancelled.connect(self._on_cancelled)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._job)

    def cancel(self) -> None:
        self._job.progress.cancel()

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(min(done, total) if total else 0)
            if text:
                self.dialog.setLabelText(text)

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def _on_finished(self, result: object) -> None:
        self._close()
        self.finished.emit(result)

    def _on_failed(self, message: str, known: bool) -> None:
        self._close()
        self.failed.emit(message, known)

    def _on_cancelled(self) -> None:
        self._close()
        self.cancelled.emit()


def run_in_background(
    work: Callable[[Progress], Any],
    title: str,
    parent: QWidget | None,
    on_done: Callable[[Any], None],
    on_error: Callable[[str, bool], None],
    on_cancel: Callable[[], None] | None = None,
) -> BackgroundTask:
    """Start work in the thread pool; callbacks run on the GUI thread."""
    task = BackgroundTask(work, title, parent)
    task.finished.connect(on_done)
    task.failed.connect(on_error)
    if on_cancel is not None:
        task.cancelled.connect(on_cancel)
    task.start()
    return task


def wait_for(work: Callable[[], Result], title: str, parent: QWidget | None) -> Result:
    """Run work on a worker and wait for it, the window repainting meanwhile (a progress
    line if it takes more than a moment) but taking no input; returns what work returned,
    or raises what it raised, here. For one transaction that cannot be cancelled."""
    outcome: list[Any] = []

    def job(_progress: Progress) -> None:
        try:
            outcome.append((True, work()))
        except BaseException as exc:  # noqa: BLE001 - raised again on the GUI thread below
            outcome.append((False, exc))

    task = BackgroundTask(job, title, parent)
    if task.dialog is not None:
        task.dialog.setCancelButton(None)
    loop = QEventLoop()
    for signal in (task.finished, task.failed, task.cancelled):
        signal.connect(loop.quit)
    task.start()
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    task.deleteLater()
    if not outcome:
        raise RuntimeError(f"{title}: the worker stopped without a result")
    ok, value = outcome[0]
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]
