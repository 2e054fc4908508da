"""What one unit of work wrote: the tables, and the customers whose rows changed.

Every write goes through `Sessions.begin()`, and three sources together see all of it: the
ORM flush (objects, so the customers are known), every other statement SQLAlchemy runs
(its table read from the SQL), and the bulk paths' raw cursors, which say what they write
(`note_raw_write`). For statements the customers cannot be named, unless the caller does
(`named_writes`)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import get_history
from sqlalchemy.orm.base import PASSIVE_NO_INITIALIZE

from models.base import Base

# Session.info key of a write session's WriteLog.
WRITE_LOG = "planner_write_log"
# The table an INSERT, UPDATE, DELETE or REPLACE writes ("temp.x" names no table of ours).
_WRITE = re.compile(
    r"\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+[\"`\[]?(\w+)[\"`\]]?\s*(\.)?",
    re.IGNORECASE,
)


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
    # Inside a named_writes block the caller names the customers; inside a flush, after_flush.
    named: bool = False
    flushing: bool = False

    def wrote(self, table: str) -> None:
        """A statement wrote this table (its customers unknown unless named)."""
        known, by_customer = _tables()
        if table in known:
            self.tables.add(table)
            if not (self.named or self.flushing) and table in by_customer:
                self.all_customers = True

    def statement(self, sql: str) -> None:
        """SQLAlchemy is about to run this statement in the unit of work."""
        match = _WRITE.match(sql)
        if match is not None and match.group(2) is None:
            self.wrote(match.group(1))

    def flushed(self, session: Session) -> None:
        """Record the objects a flush is writing (its new, changed and deleted ones).

        A changed object counts even if its values came back to what they were: one
        refresh too many, never one too few, and no per-attribute history on the hot path."""
        for row in chain(session.new, session.deleted):
            self._row(row)
        for row in session.dirty:
            self._row(row)
            # Moved to another customer (rare): the one it left changed too.
            if "customer_id" in row.__table__.columns:
                self.customer_ids.update(
                    value
                    for value in get_history(row, "customer_id", PASSIVE_NO_INITIALIZE).deleted
                    if value is not None
                )

    def _row(self, row: Any) -> None:
        table = row.__table__
        self.tables.add(table.name)
        if table.name == "customer":
            self.customer_ids.add(row.id)
        elif "customer_id" in table.columns and row.customer_id is not None:
            self.customer_ids.add(row.customer_id)

    def written(self) -> Written:
        return Written(frozenset(self.tables), frozenset(self.customer_ids), self.all_customers)


def note_raw_write(session: Session, table: str) -> None:
    """A raw driver cursor (which SQLAlchemy does not see) is writing this table."""
    writes = write_log(session)
    if writes is not None:
        writes.wrote(table)


def write_log(session: Session) -> WriteLog | None:
    """The log of a write session (None for a read session)."""
    writes = session.info.get(WRITE_LOG)
    return writes if isinstance(writes, WriteLog) else None


@contextlib.contextmanager
def named_writes(session: Session, customer_ids: Iterable[int]) -> Iterator[None]:
    """The bulk statements in this block touch only these customers' rows (the caller
    knows whose), so the change names them instead of saying "all customers"."""
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
