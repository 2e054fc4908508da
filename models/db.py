"""Engine and sessions: SQLite with foreign keys, WAL, full sync and real transactions."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from models.storage import connect_read_only
from models.write_log import WRITE_LOG, WriteLog, Written, write_log

BUSY_TIMEOUT_MS = 5000
# Execution option of the engine read-only sessions use: their BEGIN stays deferred.
READ_ONLY = "planner_read_only"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # pysqlite's own transaction handling defers BEGIN and skips it for DDL; take it over
    # (SQLAlchemy's documented recipe) so every unit of work, migrations included, is atomic.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _on_connect_read_only(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # The journal mode is the file's own and cannot be set without writing it.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    dbapi_connection.execute("PRAGMA query_only = ON")


def _on_begin(connection: Any) -> None:
    # A transaction that may write takes the write lock first: SQLite cannot upgrade a read
    # lock while another connection writes, and then fails at once instead of waiting out
    # busy_timeout. Reads keep a deferred BEGIN, so (in WAL) they never wait for a writer.
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _on_begin_deferred(connection: Any) -> None:
    # A read-only file cannot take the write lock: BEGIN IMMEDIATE would fail every read too.
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path, read_only: bool = False) -> Engine:
    """Create the engine for the database file at path (created on first connect).

    read_only: for a healthy file on a disk or folder that cannot be written; every
    write fails with SQLITE_READONLY, which the faces report as a storage problem."""
    if read_only:
        engine = create_engine("sqlite://", creator=lambda: connect_read_only(path), future=True)
        event.listen(engine, "connect", _on_connect_read_only)
        event.listen(engine, "begin", _on_begin_deferred)
        return engine
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Sessions(sessionmaker[Session]):
    """`sessions()` reads (deferred BEGIN); `sessions.begin()` is a unit of work that may
    write, so its transaction starts with BEGIN IMMEDIATE and waits for other writers.

    Once a unit of work commits, each listener hears what it wrote (`Written`)."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)
        self._writer = engine
        self._listeners: list[Callable[[Written], None]] = []
        event.listen(self, "after_begin", _watch_writes)
        event.listen(self, "before_flush", _flush_starts)
        event.listen(self, "after_flush", _flush_ends)
        event.listen(engine, "before_cursor_execute", _statement_runs)
        event.listen(engine, "checkin", _stop_watching)

    def listen(self, listener: Callable[[Written], None]) -> None:
        """Call `listener` after every committed unit of work that wrote something."""
        self._listeners.append(listener)

    @contextlib.contextmanager
    def begin(self) -> Iterator[Session]:
        writes = WriteLog()
        with self(bind=self._writer, info={WRITE_LOG: writes}) as session, session.begin():
            yield session
        written = writes.written()
        if written.tables:
            for listener in tuple(self._listeners):
                listener(written)


def _watch_writes(session: Session, _transaction: Any, connection: Any) -> None:
    # The connection carries the log while this unit of work holds it (the pool's checkin
    # takes it off), so every statement run on it is seen (_statement_runs).
    writes = write_log(session)
    if writes is not None:
        connection.info[WRITE_LOG] = writes


def _statement_runs(
    connection: Any, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool
) -> None:
    writes = connection.info.get(WRITE_LOG)
    if writes is not None:
        writes.statement(statement)


def _flush_starts(session: Session, _context: Any, _instances: Any) -> None:
    writes = write_log(session)
    if writes is not None:
        writes.flushing = True


def _flush_ends(session: Session, _context: Any) -> None:
    writes = write_log(session)
    if writes is not None:
        writes.flushed(session)
        writes.flushing = False


def _stop_watching(_dbapi_connection: Any, record: Any) -> None:
    record.info.pop(WRITE_LOG, None)


def make_sessions(engine: Engine) -> Sessions:
    """Session factory; objects stay readable after commit so services can build DTOs."""
    return Sessions(engine)
