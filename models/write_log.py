"""What one unit of work wrote: the tables, and the customers whose rows changed.

Every write goes through `Sessions.begin()`, and two sources together see all of it: the
ORM flush (objects, so the customers are known) and SQLite's authorizer, which names the
table of every INSERT, UPDATE and DELETE prepared in the transaction, the Core statements
and raw cursors of the bulk paths included. For those the customers cannot be named."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from models.base import Base

# Session.info key of a write session's WriteLog.
WRITE_LOG = "planner_write_log"
_WRITES = frozenset((sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE))


@cache
def _tables() -> tuple[frozenset[str], frozenset[str]]:
    """Every table of the schema, and those whose rows belong to a customer."""
    import models.all  # noqa: F401  (every table registered on the metadata)

    tables = Base.metadata.tables.values()
    by_customer = {table.name for table in tables if "customer_id" in table.columns}
    return frozenset(table.name for table in tables), frozenset(by_customer | {"customer"})


@dataclass(frozen=True)
class Written:
    """The tables a committed unit of work wrote and whose customers' rows it changed."""

    tables: frozenset[str] = frozenset()
    customer_ids: frozenset[int] = frozenset()
    # A statement wrote customers' rows without naming them (a bulk write): any may have changed.
    all_customers: bool = False


@dataclass
class WriteLog:
    """Collects what one write session writes until it commits."""

    tables: set[str] = field(default_factory=set)
    customer_ids: set[int] = field(default_factory=set)
    all_customers: bool = False
    # Inside a flush or a named_writes block the customers are named another way.
    named: bool = False

    def authorize(self, action: int, table: str | None, _arg: Any, db: str | None, _by: Any) -> int:
        """SQLite's authorizer: called as each statement is prepared; never refuses."""
        known, by_customer = _tables()
        if action in _WRITES and db == "main" and table in known:
            self.tables.add(table)
            # The flush names its customers itself (after_flush); other writes cannot.
            if not self.named and table in by_customer:
                self.all_customers = True
        return sqlite3.SQLITE_OK

    def flushed(self, session: Session) -> None:
        """Record the objects a flush is writing (its new, changed and deleted ones)."""
        changed = (row for row in session.dirty if session.is_modified(row))
        for row in chain(session.new, session.deleted, changed):
            self.tables.add(row.__table__.name)
            if row.__table__.name == "customer":
                self.customer_ids.add(row.id)
            elif hasattr(row, "customer_id"):
                history = inspect(row).attrs.customer_id.history
                for customer_id in chain(history.unchanged, history.added, history.deleted):
                    if customer_id is not None:
                        self.customer_ids.add(customer_id)

    def written(self) -> Written:
        return Written(frozenset(self.tables), frozenset(self.customer_ids), self.all_customers)


def write_log(session: Session) -> WriteLog | None:
    """The log of a write session (None for a read session)."""
    writes = session.info.get(WRITE_LOG)
    return writes if isinstance(writes, WriteLog) else None


@contextlib.contextmanager
def named_writes(session: Session, customer_ids: Iterable[int]) -> Iterator[None]:
    """Raw writes in this block touch only these customers' rows (the caller knows whose).

    A statement is named once per transaction, when first prepared; its later runs in the
    same transaction add no table, so the block must name every customer it writes for."""
    writes = write_log(session)
    if writes is None:
        yield
        return
    writes.customer_ids.update(customer_ids)
    before, writes.named = writes.named, True
    try:
        yield
    finally:
        writes.named = before
