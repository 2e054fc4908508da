"""DTOs about the installation itself: doctor report, database state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.preferences import Preferences


@dataclass(frozen=True)
class DoctorReport:
    """What `followup doctor` prints."""

    version: str
    database: str
    schema_revision: str
    schema_head: str
    integrity: str
    backup_dir: str
    keyring_backend: str
    keyring_secure: bool
    customers: int
    # The database's folder and the backup folder: "writable", "read-only",
    # "permission denied" or "disk full", with the free space on their disks.
    storage: str = "writable"
    disk_free_bytes: int = 0
    backup_storage: str = "writable"
    backup_disk_free_bytes: int = 0


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as `backup list` shows it."""

    name: str
    created: dt.datetime
    size: int
    reason: str
    path: Path
    # Orders backups taken within the same second (the stamp has whole seconds).
    modified_ns: int = 0


@dataclass(frozen=True)
class SettingsChange:
    """Stored preferences, and how many planned touchpoints moved (None: no re-plan)."""

    preferences: Preferences
    moved: int | None


@dataclass(frozen=True)
class RestoreResult:
    """Which backup is now the database, and where the file it replaced was kept."""

    restored: BackupInfo
    kept: BackupInfo | None


@dataclass(frozen=True)
class Loss:
    """What a salvage could not bring back, as far as can be told."""

    rows: dict[str, int]
    rescued: int
    # Rows per table the newest good backup has beyond the rescue.
    missing: dict[str, int]
    # Tables where an unreadable stretch was skipped: rows lost, how many is unknown.
    cut_short: tuple[str, ...]


@dataclass(frozen=True)
class SalvageResult:
    """Rows rescued per table, what the newest good backup has more, where the file went."""

    rows: dict[str, int]
    kept: BackupInfo
    rescued: int
    compared_with: str | None = None
    missing: dict[str, int] = field(default_factory=dict)
    cut_short: tuple[str, ...] = ()
