"""Opening the planner's data after the window's first paint (shared by the app and the bench)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from app.errors import KnownError

if TYPE_CHECKING:
    from app.context import AppContext
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


def open_planner(window: MainWindow, db: Path | None) -> AppContext | None:
    """Open (check, migrate) the database and fill the window; None when the user gives up.

    The start backup reads the whole file, so it runs in the background once the data is
    on screen; the integrity check runs beside the imports and is awaited before any read."""
    from app.paths import resolve_db_path
    from app.startup_check import IntegrityCheck

    window.after_first_paint()

    # The check runs on a second core while SQLAlchemy and the services load (imported
    # here, after the first paint); nothing reads the data before its verdict.
    integrity = IntegrityCheck.start(resolve_db_path(db))
    from app.context import back_up_at_start, build_context
    from app.services.recovery import DamagedDatabase
    from ui.background import BackgroundTask

    try:
        context = build_context(db, integrity=integrity)
    except DamagedDatabase as exc:
        from ui.dialogs.recovery_dialog import recover

        recovered = recover(exc, window)
        if recovered is None:
            return None
        context = recovered
    except KnownError as exc:
        QMessageBox.critical(window, "Follow-Up Planner", str(exc))
        return None
    window.attach(context)
    backups = context.backups
    task = BackgroundTask(lambda _progress: back_up_at_start(backups), "", window, False)
    task.failed.connect(lambda message, _known: log.warning("start backup failed: %s", message))
    task.start()
    window.start_backup = task  # kept alive while it runs
    return context
