"""Open-time checks and upgrades: integrity, refuse newer, backup, upgrade in one transaction."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event

from models.backup import backup_database
from models.integrity import check_integrity, has_data
from models.migrations.head import SCHEMA_HEAD
from models.storage import connect_read_only

if TYPE_CHECKING:
    from alembic.config import Config


SCRIPT_LOCATION = Path(__file__).resolve().parent


class DatabaseTooNew(Exception):
    """The file was written by a newer version of the app than this one."""


class MigrationFailed(Exception):
    """An upgrade step failed; the file was left exactly as it was."""


@dataclass(frozen=True)
class MigrationReport:
    """What opening the database did."""

    revision: str
    previous: str | None
    backup: Path | None


def alembic_config(script_location: Path = SCRIPT_LOCATION) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def head_revision(script_location: Path = SCRIPT_LOCATION) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()
    assert head is not None
    return head


def current_revision(path: Path) -> str | None:
    """The schema revision stored in the file, or None for a new or empty file."""
    if not has_data(path):
        return None
    with contextlib.closing(connect_read_only(path)) as conn:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def _migration_engine(path: Path) -> Any:
    engine = create_engine(f"sqlite:///{path}")

    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        # Batch migrations rebuild tables; foreign keys are checked once, before commit.
        dbapi_connection.execute("PRAGMA foreign_keys = OFF")
        dbapi_connection.execute("PRAGMA journal_mode = WAL")
        dbapi_connection.execute("PRAGMA synchronous = FULL")

    def on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
    return engine


def _upgrade(path: Path, script_location: Path) -> None:
    from alembic import command

    config = alembic_config(script_location)
    engine = _migration_engine(path)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise MigrationFailed(f"the upgrade would break {len(broken)} references")
    except MigrationFailed:
        raise
    except Exception as exc:
        raise MigrationFailed(
            f"upgrading {path.name} failed and was rolled back: {_reason(exc)}"
        ) from exc
    finally:
        engine.dispose()


def _reason(exc: Exception) -> str:
    """What went wrong in one short line: the driver's words, never the SQL it ran."""
    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
    first = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
    return first if len(first) <= 160 else first[:160] + "…"


def prepare_database(
    path: Path,
    backup_dir: Path,
    now: dt.datetime,
    script_location: Path = SCRIPT_LOCATION,
    integrity: Callable[[Path], None] = check_integrity,
) -> MigrationReport:
    """Check, back up and upgrade the file at path so it matches this app's schema.

    integrity: raises DatabaseDamaged for a bad file (start-up passes a check it began early)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    exists = has_data(path)
    if exists:
        integrity(path)
    previous = current_revision(path)
    if previous == SCHEMA_HEAD and script_location == SCRIPT_LOCATION:
        return MigrationReport(revision=previous, previous=previous, backup=None)
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(script_location))
    head = head_revision(script_location)
    if previous is not None and previous not in {rev.revision for rev in script.walk_revisions()}:
        raise DatabaseTooNew(
            f"{path} was written by a newer version of Follow-Up Planner "
            f"(schema {previous}); install the newer version to open it."
        )
    if previous == head:
        return MigrationReport(revision=head, previous=previous, backup=None)
    backup = None
    if exists:
        stamp = now.astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
        # Named after the database: demo and real databases may share a backup folder.
        backup = backup_database(path, backup_dir / f"{path.stem}-{stamp}-migration.sqlite3")
    _upgrade(path, script_location)
    return MigrationReport(revision=head, previous=previous, backup=backup)
