"""Desktop start-up: window first, then open the database after the first paint."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import NoReturn

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import KnownError
from app.i18n import _
from app.logging_setup import configure_logging
from app.paths import resolve_db_path
from app.storage import as_storage_error, file_error
from ui.error_text import shown
from ui.qt_log import install_qt_log

log = logging.getLogger(__name__)


def install_exception_hook(log_file: str, db_path: Path) -> None:
    """Bugs are logged with a traceback and shown once; the app keeps running.

    A write the disk refused (full, read-only, no permission) is no bug: it is shown as
    the plain message saying what to do, like any KnownError."""
    reported: set[str] = set()

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        known = error if isinstance(error, KnownError) else None
        known = known or as_storage_error(error, db_path, "save the change") or file_error(error)
        if known is not None:
            QMessageBox.warning(None, "Follow-Up Planner", shown(known))
            return
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        signature = f"{kind.__name__}:{error}"
        if signature in reported:
            return
        reported.add(signature)
        QMessageBox.critical(
            None,
            "Follow-Up Planner",
            _(
                "Sorry, something went wrong that should not have. Your data is safe; the "
                "details were written to {log_file}."
            ).format(log_file=log_file)
            + f"\n\n{kind.__name__}: {error}",
        )

    sys.excepthook = hook


def run_gui(options: argparse.Namespace) -> NoReturn:
    log_file = configure_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Follow-Up Planner")
    app.setOrganizationName("FollowUpPlanner")
    app.setDesktopFileName("followup-planner")
    # Qt prints the links it cannot open: a draft's mailto carries the customer's address
    # and the whole message.
    install_qt_log()
    install_exception_hook(str(log_file), resolve_db_path(options.db))
    from ui.language import speak

    # Before any window is built: every text is translated as its widget is made.
    speak(resolve_db_path(options.db), app)
    from ui.main_window import MainWindow

    window = MainWindow()
    if options.minimized:
        window.showMinimized()
    else:
        window.show()

    def open_data() -> None:
        from ui.startup import open_planner

        context = open_planner(window, options.db)
        if context is None:
            app.exit(2)
            return
        app.aboutToQuit.connect(context.close)

    # After the first paint: the window appears before SQLAlchemy and migrations load.
    QTimer.singleShot(0, open_data)
    code = app.exec()
    from ui.shutdown import leave

    leave(code)
