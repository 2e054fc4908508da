"""Everything as one JSON file, and back into an empty database with the same ids."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy import Table, TypeDecorator, delete, func, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock
from app.errors import KnownError
from app.export import json_export
from app.export.output_file import atomic_writer, export_target
from app.i18n import _, ngettext
from app.progress import NO_PROGRESS, Progress
from app.secrets import new_secret_key
from app.services.backups import BackupService
from app.services.settings import SettingsService
from app.version import app_version
from models.all import DERIVED_COLUMNS, source_tables
from models.customer_dates import BACKFILL
from models.migrations.migrate import alembic_config, head_revision

# A fresh database already has these (built-in plans, defaults); the import replaces them.
PRESET_TABLES = ("plan_step_text", "plan_step", "plan", "setting")
BATCH = 2000
# Names of this computer's keyring entries: never in a file that travels. An imported account
# gets a fresh, random name (so removing it cannot delete another account's password) and
# needs its password entered again. Files written before this rule still carry the column:
# the import ignores what is in it.
LOCAL_ONLY: dict[str, dict[str, Callable[[], str]]] = {
    "calendar_account": {"secret_key": new_secret_key},
}


def _python_type(table: Table, column: str) -> type | None:
    kind = table.c[column].type
    # UTCDateTime and friends: the stored Python type is the wrapped type's.
    base = kind.impl_instance if isinstance(kind, TypeDecorator) else kind
    try:
        return base.python_type
    except NotImplementedError:
        return None


class FullExportService:
    """JSON export of every table; import only into a database without data of its own."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        settings: SettingsService,
        backups: BackupService,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._settings = settings
        self._backups = backups

    def export_json(
        self, out: Path, progress: Progress = NO_PROGRESS
    ) -> tuple[dict[str, int], Path]:
        target = export_target(out, ".json")
        counts: dict[str, int] = {}
        meta = {
            "app_version": app_version(),
            "schema_revision": head_revision(),
            "exported_at": json_export.encode(self._clock.now()),
        }
        # One read transaction: every table comes from the same snapshot.
        with self._sessions() as session, atomic_writer(target, newline="\n") as handle:
            json_export.write_header(handle, meta)
            tables = source_tables()
            for number, table in enumerate(tables):
                hidden = {*LOCAL_ONLY.get(table.name, {}), *DERIVED_COLUMNS.get(table.name, ())}
                columns = [column.name for column in table.columns if column.name not in hidden]
                statement = select(*(table.c[name] for name in columns)).order_by(
                    *table.primary_key.columns
                )
                rows = session.execute(statement.execution_options(yield_per=BATCH))
                counts[table.name] = json_export.write_table(
                    handle, table.name, columns, (tuple(row) for row in rows), number == 0
                )
                progress.report(number + 1, len(tables), table.name)
            json_export.write_footer(handle)
        return counts, target

    def is_export(self, path: Path) -> bool:
        """Whether `followup import FILE` (format auto) should load this file as an export."""
        return json_export.is_export(path)

    def check_json(self, path: Path) -> dict[str, int]:
        """What import_json would load, per table; the same refusals, and nothing is written."""
        data, tables = self._read(path)
        with self._sessions() as session:
            _refuse_non_empty(session, tables)
        counts: dict[str, int] = {}
        for name, table in tables.items():
            block = data["tables"].get(name)
            counts[name] = _check_table(table, block) if block else 0
        return counts

    def import_json(self, path: Path, progress: Progress = NO_PROGRESS) -> dict[str, int]:
        """All tables in one transaction; refuses a database that already holds data."""
        data, tables = self._read(path)
        counts: dict[str, int] = {}
        self._backups.ensure_backup("import")
        with self._sessions.begin() as session:
            _refuse_non_empty(session, tables)
            for name in PRESET_TABLES:
                session.execute(delete(tables[name]))
            for number, table in enumerate(tables.values()):
                block = data["tables"].get(table.name)
                counts[table.name] = _insert_table(session, table, block) if block else 0
                progress.report(number + 1, len(tables), table.name)
            # An older export carries the worked-out dates as they were then: work them out
            # again from what was imported, as the triggers would have.
            for statement in BACKFILL:
                session.execute(text(statement))
        # Settings are cached; storing nothing drops the cache so the imported ones are read.
        self._settings.set_many({})
        return counts

    def _read(self, path: Path) -> tuple[dict[str, Any], dict[str, Table]]:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise KnownError(_("cannot read {path}: {error}").format(path=path, error=exc)) from exc
        data = json_export.read_export(text)
        _check_revision(str(data.get("schema_revision", "")))
        tables = {table.name: table for table in source_tables()}
        unknown = set(data["tables"]) - set(tables)
        if unknown:
            raise KnownError(
                _("the export has tables this version does not know: {tables}").format(
                    tables=", ".join(sorted(unknown))
                )
            )
        return data, tables


def _check_revision(revision: str) -> None:
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision not in known:
        raise KnownError(
            _(
                "the export was written by a newer version of Follow-Up Planner (schema "
                "{revision!r})"
            ).format(revision=revision),
            _("Install the newer version to import it."),
        )


def _refuse_non_empty(session: Session, tables: dict[str, Table]) -> None:
    filled = []
    for name, table in tables.items():
        if name in PRESET_TABLES:
            continue
        count = session.execute(select(func.count()).select_from(table)).scalar_one()
        if count:
            filled.append(f"{count} {name}")
    if filled:
        raise KnownError(
            _(
                "the database is not empty ({tables}); a complete JSON export is imported "
                "only into an empty database, so nothing is mixed or overwritten"
            ).format(tables=", ".join(filled)),
            _("Start with a new file: followup --db NEW.sqlite3 import FILE --format json"),
        )


def _rows_of(table: Table, block: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each row of a table's block decoded to column values; KnownError for a malformed one."""
    columns = block.get("columns")
    rows = block.get("rows")
    if not isinstance(columns, list) or not isinstance(rows, list):
        raise KnownError(_("the export's table {name} is malformed").format(name=table.name))
    extra = set(columns) - set(table.c.keys())
    if extra:
        raise KnownError(
            _("the export's {name} has unknown columns: {names}").format(
                name=table.name, names=sorted(extra)
            )
        )
    types = [_python_type(table, name) for name in columns]
    fresh = LOCAL_ONLY.get(table.name, {})
    for number, row in enumerate(rows, 1):
        try:
            if not isinstance(row, list) or len(row) != len(columns):
                raise ValueError(
                    ngettext(
                        "it should be a list of {count} value",
                        "it should be a list of {count} values",
                        len(columns),
                    ).format(count=len(columns))
                )
            decoded = {
                name: json_export.decode(value, kind)
                for name, value, kind in zip(columns, row, types, strict=True)
            }
        except (ValueError, TypeError) as exc:
            raise KnownError(
                _("the export's table {name} has a malformed row {number}: {error}").format(
                    name=table.name, number=number, error=exc
                )
            ) from exc
        yield number, {**decoded, **{name: make() for name, make in fresh.items()}}


def _check_table(table: Table, block: dict[str, Any]) -> int:
    return sum(1 for _ in _rows_of(table, block))


def _insert_table(session: Session, table: Table, block: dict[str, Any]) -> int:
    values: list[dict[str, Any]] = []
    count = 0
    try:
        for count, row in _rows_of(table, block):  # noqa: B007 - the last number is the count
            values.append(row)
            if len(values) >= BATCH:
                session.execute(insert(table), values)
                values = []
        if values:
            session.execute(insert(table), values)
    except IntegrityError as exc:
        raise KnownError(
            _("the export's table {name} breaks a rule: {error}").format(
                name=table.name, error=exc.orig
            )
        ) from exc
    return count
