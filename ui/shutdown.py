"""Leaving the app at once when the window closes, with nothing worth keeping left unsaved."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from typing import NoReturn

from PySide6.QtCore import QThreadPool

# What a worker still running at quit gets to end by itself: a calendar sync stops between
# two events, the start-up backup writes to a .partial file first, and SQLite rolls back a
# write that did not finish; none of them is worth a wait the user notices.
QUIT_WAIT_MS = 200


def leave(code: int) -> NoReturn:
    """End the process once the event loop has returned and the database is closed.

    The interpreter's own teardown (every Qt and SQLAlchemy object, module by module) took
    a second or more after the window had gone; nothing in it saves anything. Window
    layout and column widths are written as they are set (each QSettings is synced as it
    is released), so only the log is left to flush."""
    pool = QThreadPool.globalInstance()
    pool.clear()  # queued work that has not started never will
    pool.waitForDone(QUIT_WAIT_MS)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        # A closed or broken terminal has nothing to keep.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(code)
