"""Engine and sessions: SQLite with foreign keys, WAL, full sync and real transactions."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from models.storage import connect_read_only

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
    write, so its transaction starts with BEGIN IMMEDIATE and waits for other writers."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)
        self._writer = engine

    @contextlib.contextmanager
    def begin(self) -> Iterator[Session]:
        with self(bind=self._writer) as session, session.begin():
            yield session


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    """Session factory; objects stay readable after commit so services can build DTOs."""
    return Sessions(engine)
