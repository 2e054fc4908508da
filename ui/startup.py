"""Opening the planner's data after the window's first paint (shared by the app and the bench)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from app.errors import KnownError
from ui.error_text import shown

if TYPE_CHECKING:
    from app.context import AppContext
    from ui.first_page import FirstPage
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


def open_planner(window: MainWindow, db: Path | None) -> AppContext | None:
    """Open (check, migrate) the database and fill the window; None when the user gives up.

    The integrity check runs on a second thread. Today's first page comes straight from the
    file (ui.first_page, read-only) and is painted before SQLAlchemy and the services load,
    without waiting for the check: the services wait for its verdict and then take the list
    over, or, for a file that cannot be opened after all, the page is taken down before the
    window says why. The start backup reads the whole file, so it runs in the background
    once the data is on screen."""
    from app.clock import clock_from_environment
    from app.paths import resolve_db_path
    from app.startup_check import IntegrityCheck

    path = resolve_db_path(db)
    integrity = IntegrityCheck.start(path)
    try:
        clock = clock_from_environment()
    except KnownError as exc:
        QMessageBox.critical(window, "Follow-Up Planner", shown(exc))
        return None
    from ui.first_page import show_first_page

    first = show_first_page(window, path, clock, integrity)
    if first is not None:
        window.today_shown.emit()
    window.after_first_paint()
    from app.context import back_up_at_start, build_context
    from app.services.recovery import DamagedDatabase
    from ui.background import BackgroundTask

    try:
        context = build_context(path, clock, integrity=integrity)
    except DamagedDatabase as exc:
        _take_down(window, first)
        from ui.dialogs.recovery_dialog import recover

        recovered = recover(exc, window)
        if recovered is None:
            return None
        context, first = recovered, None  # another file: its list is read afresh
    except KnownError as exc:
        _take_down(window, first)
        QMessageBox.critical(window, "Follow-Up Planner", shown(exc))
        return None
    except Exception:
        _take_down(window, first)  # a bug: reported by the app's handler, over no stale list
        raise
    if first is not None:
        first.close()  # the services read the list from here on
    window.attach(context, first_page=first)
    if first is None:
        window.today_shown.emit()
    backups = context.backups
    task = BackgroundTask(lambda _progress: back_up_at_start(backups), "", window, False)
    task.failed.connect(lambda message, _known: log.warning("start backup failed: %s", message))
    task.start()
    window.start_backup = task  # kept alive while it runs
    return context


def _take_down(window: MainWindow, first: FirstPage | None) -> None:
    """The file cannot be opened after all: no list from it stays on screen behind the
    message or the recovery choice (the window shows it is still opening)."""
    if first is None:
        return
    first.close()
    window.show_opening()
