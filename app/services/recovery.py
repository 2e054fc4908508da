"""A damaged database at start: say so, name the newest good backup, restore or salvage."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

from app.clock import Clock
from app.errors import KnownError
from app.paths import default_db_path
from app.services.backup_files import BackupInfo
from app.services.backups import BackupService
from app.services.salvage import salvage


class DamagedDatabase(KnownError):
    """The database fails its check; nothing was changed. Carries what recovery needs."""

    def __init__(
        self, db_path: Path, backup_dir: Path, detail: str, good_backup: BackupInfo | None
    ) -> None:
        db = (
            ""
            if db_path == default_db_path().expanduser().resolve()
            else f" --db {shlex.quote(str(db_path))}"
        )
        if good_backup is not None:
            hint = (
                f"The newest good backup is {good_backup.name} "
                f"({good_backup.created:%Y-%m-%d %H:%M} UTC); restore it with: "
                f"followup{db} backup restore {good_backup.name} "
                f"(the damaged file is kept). Your backups are in {backup_dir}."
            )
        else:
            hint = (
                f"No good backup was found in your backups folder {backup_dir}. Rescue the "
                f"readable rows with: followup{db} backup salvage (the damaged file is kept)."
            )
        super().__init__(f"The database {db_path} is damaged: {detail}.", hint)
        self.db_path = db_path
        self.backup_dir = backup_dir
        self.detail = detail
        self.good_backup = good_backup


@dataclass(frozen=True)
class SalvageResult:
    """Rows rescued per table, and where the damaged file was kept."""

    rows: dict[str, int]
    kept: BackupInfo


def damaged_database(db_path: Path, backup_dir: Path, detail: str, clock: Clock) -> DamagedDatabase:
    backups = BackupService(db_path, backup_dir, clock)
    return DamagedDatabase(db_path, backup_dir, detail, backups.newest_good())


def salvage_database(backups: BackupService, clock: Clock) -> SalvageResult:
    """Move the damaged file aside, then rebuild the database from its readable rows."""
    kept = backups.set_aside()
    rows = salvage(kept.path, backups.db_path, clock.now())
    return SalvageResult(rows, kept)


def start_empty(backups: BackupService) -> BackupInfo:
    """Move the damaged file aside; the next open creates an empty database."""
    return backups.set_aside()
