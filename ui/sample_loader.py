"""Loading sample data into the separate demo database, off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from app.clock import clock_from_environment
from app.context import AppContext, build_context
from app.demo import create_demo_database
from app.errors import KnownError
from app.i18n import _
from app.paths import demo_db_path
from app.progress import Progress
from ui.background import BackgroundTask, run_in_background
from ui.error_text import shown


class SampleHost(Protocol):
    """What the loader needs of the main window: which file is open, and switching files."""

    context: AppContext | None
    home_db: Path | None
    demo: bool

    def attach(self, context: AppContext, demo: bool = ...) -> None: ...
    def detach(self) -> None: ...
    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name


class SampleLoader(QObject):
    """Builds the demo database with progress and cancel, then switches the window to it."""

    def __init__(self, host: SampleHost, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.task: BackgroundTask | None = None

    def offer(self) -> None:
        answer = QMessageBox.question(
            self._parent,
            _("Load sample data"),
            _(
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
        if self._host.demo:
            self._host.detach()

        def work(progress: Progress) -> Path:
            return create_demo_database(target, clock, progress)

        self.task = run_in_background(
            work,
            _("Creating sample data"),
            self._parent,
            on_done=lambda built: self.open_database(built, demo=True),
            on_error=self._failed,
            on_cancel=self._cancelled,
        )

    def open_database(self, path: Path, demo: bool) -> None:
        self.task = None
        try:
            context = build_context(path)
        except KnownError as exc:
            QMessageBox.warning(self._parent, _("Follow-Up Planner"), shown(exc))
            return
        self._host.attach(context, demo=demo)

    def _failed(self, message: str, known: bool) -> None:
        self.task = None
        failed = _("Creating sample data failed: {reason}")
        text = message if known else failed.format(reason=message)
        QMessageBox.warning(self._parent, _("Sample data"), text)
        self._reopen_home()

    def _cancelled(self) -> None:
        self.task = None
        self._host.statusBar().showMessage(_("Sample data cancelled."), 8000)
        self._reopen_home()

    def _reopen_home(self) -> None:
        if self._host.context is None and self._host.home_db is not None:
            self.open_database(self._host.home_db, demo=False)
