"""Open-time safety: integrity, refusal of newer files, backups, atomic upgrades, model parity."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from app.context import build_context
from app.errors import KnownError
from models.all import Base
from models.integrity import DatabaseDamaged
from models.migrations.migrate import (
    SCHEMA_HEAD,
    SCRIPT_LOCATION,
    DatabaseTooNew,
    MigrationFailed,
    current_revision,
    head_revision,
    prepare_database,
)
from models.search_index import is_search_object

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "schema_0001.sqlite3"


def schema_and_rows(
    path: Path,
) -> tuple[list[tuple[str, str]], dict[str, list[tuple[object, ...]]]]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        schema = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()
        tables = [
            name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        rows = {
            table: conn.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
            for table in tables
        }
    return schema, rows


def scripts_with_extra(tmp_path: Path, body: str) -> Path:
    """A copy of the real migrations plus one more revision with the given upgrade body."""
    location = tmp_path / "migrations"
    shutil.copytree(SCRIPT_LOCATION, location, ignore=shutil.ignore_patterns("__pycache__"))
    head = head_revision()
    (location / "versions" / "9999_extra.py").write_text(
        f'"""Extra revision for a test."""\n'
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f"revision = '9999'\ndown_revision = {head!r}\nbranch_labels = None\ndepends_on = None\n\n"
        f"def upgrade() -> None:\n{body}\n\ndef downgrade() -> None:\n    pass\n",
        encoding="utf-8",
    )
    return location


def test_schema_head_constant_matches_the_migration_scripts() -> None:
    assert head_revision() == SCHEMA_HEAD


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite3"
    prepare_database(path, tmp_path / "backups", NOW)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "include_name": lambda name, kind, _parents: (
                    not (kind == "table" and is_search_object(name))
                ),
            },
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_new_database_needs_no_backup_and_reopening_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    first = prepare_database(path, tmp_path / "backups", NOW)
    assert first.previous is None and first.backup is None
    second = prepare_database(path, tmp_path / "backups", NOW)
    assert second.previous == second.revision == head_revision()
    assert not (tmp_path / "backups").exists()


def test_fixture_from_first_schema_upgrades_with_data_intact(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE, path)
    _, before = schema_and_rows(path)
    prepare_database(path, tmp_path / "backups", NOW)
    assert current_revision(path) == head_revision()
    _, after = schema_and_rows(path)
    for table, rows in before.items():
        if table == "alembic_version":
            continue
        # Later migrations may add columns; every old value must still be there.
        assert len(after[table]) == len(rows), table
        for old, new in zip(rows, after[table], strict=True):
            assert tuple(new[: len(old)]) == old, table


def test_upgrade_backs_up_first_with_the_backup_api(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE, path)
    _, rows_before = schema_and_rows(path)
    location = scripts_with_extra(
        tmp_path, "    op.add_column('customer', sa.Column('extra', sa.Text(), nullable=True))"
    )
    report = prepare_database(path, tmp_path / "backups", NOW, script_location=location)
    assert report.revision == "9999" and report.backup is not None
    assert report.backup.name.endswith("-migration.sqlite3")
    _, rows_in_backup = schema_and_rows(report.backup)
    assert rows_in_backup == rows_before
    with contextlib.closing(sqlite3.connect(report.backup)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_failed_migration_leaves_the_file_exactly_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE, path)
    prepare_database(path, tmp_path / "backups", NOW)
    before = schema_and_rows(path)
    # DDL that succeeds, data changes that succeed, then a failure: all must roll back.
    location = scripts_with_extra(
        tmp_path,
        "    op.create_table('half', sa.Column('id', sa.Integer, primary_key=True))\n"
        "    op.add_column('customer', sa.Column('half_done', sa.Text(), nullable=True))\n"
        "    op.execute(\"UPDATE customer SET name = 'overwritten'\")\n"
        "    raise RuntimeError('boom in the middle')",
    )
    with pytest.raises(MigrationFailed, match="rolled back"):
        prepare_database(path, tmp_path / "backups", NOW, script_location=location)
    assert schema_and_rows(path) == before
    assert current_revision(path) == head_revision()


def test_failed_sql_step_is_one_line_without_the_statement(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE, path)
    prepare_database(path, tmp_path / "backups", NOW)
    # The customer table exists: creating it again fails inside SQLite, mid-upgrade.
    location = scripts_with_extra(
        tmp_path,
        "    op.create_table('customer', sa.Column('id', sa.Integer, primary_key=True),"
        " sa.Column('name', sa.Text()), sa.Column('notes', sa.Text()))",
    )
    with pytest.raises(MigrationFailed) as failure:
        prepare_database(path, tmp_path / "backups", NOW, script_location=location)
    message = str(failure.value)
    assert "\n" not in message and "CREATE TABLE" not in message.upper(), message
    assert "already exists" in message and len(message) < 250


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    prepare_database(path, tmp_path / "backups", NOW)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zz_future'")
        conn.commit()
    content = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version"):
        prepare_database(path, tmp_path / "backups", NOW)
    with pytest.raises(KnownError, match="newer version"):
        build_context(path)
    assert path.read_bytes() == content


@pytest.mark.parametrize(
    "damage",
    [
        b"this is not a database at all" * 100,
        b"SQLite format 3\x00" + b"\xff" * 4000,
    ],
)
def test_damaged_file_is_reported_and_left_alone(tmp_path: Path, damage: bytes) -> None:
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(damage)
    with pytest.raises(DatabaseDamaged):
        prepare_database(path, tmp_path / "backups", NOW)
    with pytest.raises(KnownError, match="backups"):
        build_context(path)
    assert path.read_bytes() == damage


def test_pragmas_of_the_app_engine(tmp_path: Path) -> None:
    context = build_context(tmp_path / "p.sqlite3")
    try:
        with context.engine.connect() as connection:
            pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("foreign_keys") == 1
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("busy_timeout") >= 1000
    finally:
        context.close()
