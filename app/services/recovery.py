"""A damaged database at start: say so, name the newest good backup, salvage (never to less)."""

from __future__ import annotations

import shlex
from pathlib import Path

from app.clock import Clock
from app.dto.system import BackupInfo, Loss, SalvageResult
from app.errors import KnownError
from app.files.file_swap import install, staged
from app.files.salvage import ORPHANS, salvage
from app.i18n import N_, _, ngettext
from app.paths import default_db_path, expand_home
from app.services.backups import BackupService, is_good
from models.backup import table_counts


class DamagedDatabase(KnownError):
    """The database fails its check; nothing was changed. Carries what recovery needs."""

    def __init__(
        self, db_path: Path, backup_dir: Path, detail: str, good_backup: BackupInfo | None
    ) -> None:
        db = _db_option(db_path)
        if good_backup is not None:
            hint = _(
                "The newest good backup is {name} ({created} UTC); restore it with: "
                "followup{db} backup restore {name} (the damaged file is kept). "
                "Your backups are in {folder}."
            ).format(
                name=good_backup.name,
                created=f"{good_backup.created:%Y-%m-%d %H:%M}",
                db=db,
                folder=backup_dir,
            )
        else:
            hint = _(
                "No good backup was found in your backups folder {folder}. Rescue the "
                "readable rows with: followup{db} backup salvage (the damaged file is kept)."
            ).format(folder=backup_dir, db=db)
        super().__init__(
            _("The database {path} is damaged: {detail}.").format(path=db_path, detail=detail),
            hint,
        )
        self.db_path = db_path
        self.backup_dir = backup_dir
        self.detail = detail
        self.good_backup = good_backup


class SalvageWouldLose(KnownError):
    """The rescue holds less than the user had (or nothing): the file was left as it was."""

    def __init__(self, message: str, hint: str, loss: Loss) -> None:
        super().__init__(message, hint)
        self.rows = loss.rows
        self.missing = loss.missing
        self.cut_short = loss.cut_short


def damaged_database(db_path: Path, backup_dir: Path, detail: str, clock: Clock) -> DamagedDatabase:
    backups = BackupService(db_path, backup_dir, clock)
    return DamagedDatabase(db_path, backup_dir, detail, backups.newest_good())


def salvage_database(
    backups: BackupService, clock: Clock, accept_loss: bool = False
) -> SalvageResult:
    """Rebuild the database from its readable rows beside it, then swap it in.

    The damaged file is only moved aside once the rebuilt one is complete and checked,
    and not at all when the rescue holds nothing, had to skip unreadable rows, or holds
    fewer rows than the newest good backup, unless accept_loss: the user must be asked
    before getting less than before."""
    doing = N_("salvage the database")
    path = backups.db_path
    if not path.exists():
        raise KnownError(_("there is no database at {path}").format(path=path))
    # First the disk: on a read-only or full one, that is the problem to solve.
    backups.room_for_salvage(doing)
    if backups.current_is_good(doing):
        raise KnownError(
            _("{path} passes its integrity check; there is nothing to salvage").format(path=path)
        )
    with staged(path, "salvage", doing) as staging:
        rescue = salvage(path, staging, clock.now())
        rows = rescue.rows
        if not is_good(staging):
            raise KnownError(_("the rebuilt file did not verify"), _("Nothing was changed."))
        reference = backups.newest_good()
        missing = _missing(rows, reference)
        rescued = sum(count for table, count in rows.items() if table != ORPHANS)
        loss = Loss(rows, rescued, missing, rescue.cut_short)
        if not accept_loss:
            _refuse_loss(path, loss, reference, backups)
        kept = backups.set_aside()
        install(staging, path)
    compared = reference.name if reference else None
    return SalvageResult(rows, kept, rescued, compared, missing, rescue.cut_short)


def _missing(rows: dict[str, int], reference: BackupInfo | None) -> dict[str, int]:
    """Rows per table the newest good backup has beyond the rescue."""
    if reference is None:
        return {}
    tables = [table for table in rows if table != ORPHANS]
    had = table_counts(reference.path, tables)
    return {table: had[table] - rows[table] for table in tables if had.get(table, 0) > rows[table]}


def _refuse_loss(
    path: Path, loss: Loss, reference: BackupInfo | None, backups: BackupService
) -> None:
    db = _db_option(path)
    accept = f"followup{db} backup salvage --accept-loss"
    restore = f"followup{db} backup restore {reference.name}" if reference else ""
    if loss.rescued == 0:
        hint = (
            _(
                "To restore the backup with: {restore}, or start from an empty planner (the "
                "damaged file is kept in {folder}), run: {accept}"
            )
            if reference
            else _(
                "To start from an empty planner (the damaged file is kept in {folder}), "
                "run: {accept}"
            )
        )
        raise SalvageWouldLose(
            _("nothing could be rescued from {path}; the file was not changed.").format(path=path),
            hint.format(restore=restore, folder=backups.backup_dir, accept=accept),
            loss,
        )
    if loss.missing or loss.cut_short:
        parts = []
        if loss.cut_short:
            parts.append(
                _("some rows could not be read ({tables})").format(tables=", ".join(loss.cut_short))
            )
        if loss.missing and reference is not None:
            lost = ", ".join(f"{table}: {count}" for table, count in sorted(loss.missing.items()))
            parts.append(
                _("the backup {name} has more (missing {lost})").format(
                    name=reference.name, lost=lost
                )
            )
        hint = (
            _("To restore the backup with: {restore}, or keep what was rescued, run: {accept}")
            if reference
            else _("To keep what was rescued, run: {accept}")
        )
        raise SalvageWouldLose(
            ngettext(
                "salvage rescued {rescued} row, but {problems}; the file was not changed.",
                "salvage rescued {rescued} rows, but {problems}; the file was not changed.",
                loss.rescued,
            ).format(rescued=loss.rescued, problems="; ".join(parts)),
            hint.format(restore=restore, accept=accept),
            loss,
        )


def _db_option(db_path: Path) -> str:
    if db_path == expand_home(default_db_path()).resolve():
        return ""
    return f" --db {shlex.quote(str(db_path))}"


def start_empty(backups: BackupService) -> BackupInfo:
    """Move a damaged file aside; the next open creates an empty database."""
    return backups.set_aside()
