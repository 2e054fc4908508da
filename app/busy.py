"""SQLite's "database is locked" past the busy timeout becomes BusyError, for every session."""

from __future__ import annotations

import sqlite3

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

from app.errors import BusyError

# Primary result codes (the low byte also covers BUSY_SNAPSHOT, BUSY_RECOVERY, ...).
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6


def is_busy(exc: BaseException) -> bool:
    """Whether sqlite3 gave up waiting for another connection's lock."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return "database is locked" in str(exc)


def _to_busy_error(context: ExceptionContext) -> BaseException | None:
    original = context.original_exception
    if is_busy(original):
        error = BusyError()
        error.__cause__ = original
        return error
    return None


def report_busy(engine: Engine) -> Engine:
    """Make every statement on `engine` (BEGIN and COMMIT included) raise BusyError when the
    database stayed locked past the busy timeout: one place for every service and face."""
    event.listen(engine, "handle_error", _to_busy_error)
    return engine
