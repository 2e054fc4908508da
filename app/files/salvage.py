"""Rescue the readable rows of a damaged database into a fresh, migrated one."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from models.all import Base, source_tables
from models.migrations.migrate import prepare_database
from models.storage import connect_read_only

log = logging.getLogger(__name__)
# After a read error, skip ahead by growing steps; give up on a table past this jump.
MAX_JUMP = 1 << 20
# Not a table: how many rows were removed because their parent row was lost.
ORPHANS = "orphans_dropped"


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.DatabaseError:
        return []


def _readable_rows(
    old: sqlite3.Connection, table: str, names: str, cut_short: list[str]
) -> Iterator[tuple[object, ...]]:
    """Rows in rowid order; an unreadable stretch is skipped by jumping ahead (and noted)."""
    select = f'SELECT rowid, {names} FROM "{table}" WHERE rowid > ? ORDER BY rowid'
    after, jump = 0, 1
    while True:
        try:
            for row in old.execute(select, (after,)):
                after, jump = row[0], 1
                yield row[1:]
            return
        except sqlite3.DatabaseError:
            if table not in cut_short:
                cut_short.append(table)
            if jump > MAX_JUMP:
                return
            after, jump = after + jump, jump * 2


def _table_names(conn: sqlite3.Connection) -> set[str]:
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError:
        return set()


def _copy_table(
    old: sqlite3.Connection, new: sqlite3.Connection, table: str, cut_short: list[str]
) -> int:
    present = _columns(old, table)
    columns = [name for name in _columns(new, table) if name in present]
    if not columns:
        if not present and table in _table_names(old):
            cut_short.append(table)  # listed, but not even its columns could be read
        return 0
    names = ", ".join(f'"{name}"' for name in columns)
    marks = ", ".join("?" * len(columns))
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})'
    new.executemany(insert, _readable_rows(old, table, names, cut_short))
    return int(new.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def _drop_orphans(conn: sqlite3.Connection) -> int:
    """Rows whose parent could not be read would break every later write: remove them."""
    dropped = 0
    for _ in range(20):
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if not broken:
            break
        for table, rowid, _parent, _fk in broken:
            delete = f'DELETE FROM "{table}" WHERE rowid = ?'
            dropped += conn.execute(delete, (rowid,)).rowcount
    return dropped


def _open_damaged(damaged: Path) -> sqlite3.Connection | None:
    """A read-only connection, or None when not even the table list can be read."""
    try:
        old = connect_read_only(damaged)
    except sqlite3.DatabaseError as exc:
        log.warning("nothing can be read from %s: %s", damaged, exc)
        return None
    return old


@dataclass(frozen=True)
class Rescue:
    """Rows per table in the rebuilt file, and the tables where some could not be read."""

    rows: dict[str, int]
    cut_short: tuple[str, ...]


def salvage(damaged: Path, target: Path, now: dt.datetime) -> Rescue:
    """Build target (which must not exist) from what damaged still yields.

    Reads go through their own read-only connection, so a corrupt page can only cut a
    table short, never spoil the transaction that writes the new file.
    """
    cut_short: list[str] = []
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    prepare_database(partial, partial.parent / "backups", now)
    counts: dict[str, int] = {}
    old = _open_damaged(damaged)
    with contextlib.closing(sqlite3.connect(partial, isolation_level=None)) as new:
        new.execute("PRAGMA foreign_keys = OFF")
        if old is not None:
            with contextlib.closing(old):
                new.execute("BEGIN")
                # The fresh file has the built-in plans; the old plans and settings replace them.
                for table in reversed(Base.metadata.sorted_tables):
                    new.execute(f'DELETE FROM "{table.name}"')
                # Derived tables are rebuilt by triggers as their sources are copied.
                for table in source_tables():
                    counts[table.name] = _copy_table(old, new, table.name, cut_short)
                counts[ORPHANS] = _drop_orphans(new)
                new.execute("COMMIT")
        new.execute("PRAGMA journal_mode = DELETE")
    partial.replace(target)
    log.warning("salvaged %s into %s: %s (cut short: %s)", damaged, target, counts, cut_short)
    return Rescue(counts, tuple(cut_short))
