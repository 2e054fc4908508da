"""Loading sample data into the separate demo database, off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from app.clock import clock_from_environment
from app.context import build_context
from app.demo import create_demo_database
from app.errors import KnownError
from app.paths import demo_db_path
from app.progress import Progress
from ui.background import BackgroundTask, run_in_background
from ui.error_text import shown

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class SampleLoader(QObject):
    """Builds the demo database with progress and cancel, then switches the window to it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.task: BackgroundTask | None = None

    def offer(self) -> None:
        answer = QMessageBox.question(
            self._window,
            self.tr("Load sample data"),
            self.tr(
                "This creates realistic sample customers, sales and half a year of history "
                "in a separate demo database, so it never mixes with your own data. "
                "File → Back to my data returns to your planner.\n\nLoad sample data now?"
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.load()

    def load(self, path: Path | None = None) -> None:
        target = path or demo_db_path()
        clock = clock_from_environment()
        # The window lets go of the demo file before it is rebuilt.
        if self._window.demo:
            self._window.detach()

        def work(progress: Progress) -> Path:
            return create_demo_database(target, clock, progress)

        self.task = run_in_background(
            work,
            self.tr("Creating sample data"),
            self._window,
            on_done=lambda built: self.open_database(built, demo=True),
            on_error=self._failed,
            on_cancel=self._cancelled,
        )

    def open_database(self, path: Path, demo: bool) -> None:
        self.task = None
        try:
            context = build_context(path)
        except KnownError as exc:
            QMessageBox.warning(self._window, self.tr("Follow-Up Planner"), shown(exc))
            return
        self._window.attach(context, demo=demo)

    def _failed(self, message: str, known: bool) -> None:
        self.task = None
        text = (
            message if known else self.tr("Creating sample data failed: %1").replace("%1", message)
        )
        QMessageBox.warning(self._window, self.tr("Sample data"), text)
        self._reopen_home()

    def _cancelled(self) -> None:
        self.task = None
        self._window.statusBar().showMessage(self.tr("Sample data cancelled."), 8000)
        self._reopen_home()

    def _reopen_home(self) -> None:
        if self._window.context is None and self._window.home_db is not None:
            self.open_database(self._window.home_db, demo=False)
