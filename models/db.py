"""Engine and sessions: SQLite with foreign keys, WAL, full sync and real transactions."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

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


def _on_begin(connection: Any) -> None:
    # A transaction that may write takes the write lock first: SQLite cannot upgrade a read
    # lock while another connection writes, and then fails at once instead of waiting out
    # busy_timeout. Reads keep a deferred BEGIN, so (in WAL) they never wait for a writer.
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(path: Path) -> Engine:
    """Create the engine for the database file at path (created on first connect)."""
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
