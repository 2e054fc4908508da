"""Engine and sessions: SQLite with foreign keys, WAL, full sync and real transactions."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from models.storage import connect_read_only

BUSY_TIMEOUT_MS = 5000


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
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path, read_only: bool = False) -> Engine:
    """Create the engine for the database file at path (created on first connect).

    read_only: for a healthy file on a disk or folder that cannot be written; every
    write fails with SQLITE_READONLY, which the faces report as a storage problem."""
    if read_only:
        engine = create_engine("sqlite://", creator=lambda: connect_read_only(path), future=True)
        event.listen(engine, "connect", _on_connect_read_only)
        event.listen(engine, "begin", _on_begin)
        return engine
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    """Session factory; objects stay readable after commit so services can build DTOs."""
    return sessionmaker(engine, expire_on_commit=False)
