"""Migration 0013 (customer.language, plan_step_text) goes down and up again without losing
the customer table's triggers or any other row."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from models.migrations.migrate import alembic_config, prepare_database
from tests.models.test_migrations import FIXTURE, NOW


def _migrate(path: Path, revision: str, *, down: bool = False) -> None:
    config = alembic_config()
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)
    finally:
        engine.dispose()


def _schema(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        triggers = db.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall()
        columns = [row[1] for row in db.execute("PRAGMA table_info(customer)")]
    return triggers, columns


def test_down_and_up_again(tmp_path: Path) -> None:
    path = tmp_path / "planner.sqlite3"
    shutil.copyfile(FIXTURE, path)
    prepare_database(path, tmp_path / "backups", NOW)
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("UPDATE customer SET language = 'nl'")
        step = db.execute("SELECT min(id) FROM plan_step").fetchone()[0]
        db.execute(
            "INSERT INTO plan_step_text VALUES (?, 'nl', 'Bedankt', 'Beste {{customer_address}}')",
            (step,),
        )
        db.commit()
        customers = db.execute("SELECT id, name FROM customer ORDER BY id").fetchall()
    triggers, columns = _schema(path)
    assert "language" in columns and any(table == "customer" for _, table in triggers)

    _migrate(path, "0012", down=True)
    down_triggers, down_columns = _schema(path)
    assert down_columns == [name for name in columns if name != "language"]
    # The column went without a rebuild: the customer table's triggers are all there.
    assert down_triggers == triggers
    with contextlib.closing(sqlite3.connect(path)) as db:
        assert not db.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'plan_step_text'"
        ).fetchone()
        assert db.execute("SELECT id, name FROM customer ORDER BY id").fetchall() == customers

    _migrate(path, "head")
    assert _schema(path) == (triggers, columns)
    with contextlib.closing(sqlite3.connect(path)) as db:
        # Back up, a customer's language is the user's default again (NULL).
        assert {row[0] for row in db.execute("SELECT language FROM customer")} == {None}
