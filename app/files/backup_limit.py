"""How much room all backups of one database may take together, and what to delete past it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.dto.system import BackupInfo
from app.files.file_swap import footprint
from models.backup import stored_setting

SETTING = "backup_limit_mb"
# Automatic bound (setting 0): ten copies of the database, but never more than 2 GB.
AUTO_COPIES = 10
AUTO_CAP_BYTES = 2 * 1024**3
# "damaged": a moved-aside file is the user's evidence; never deleted, not counted.
NEVER_DELETED = frozenset({"damaged"})


def size_limit(db_path: Path) -> int:
    """The setting in bytes, or the smaller of 10x the database and 2 GB when it is 0."""
    stored = stored_setting(db_path, SETTING)
    if isinstance(stored, int) and stored > 0:
        return stored * 1024 * 1024
    return min(AUTO_COPIES * footprint(db_path), AUTO_CAP_BYTES)


def over_limit(backups: Sequence[BackupInfo], limit: int) -> list[BackupInfo]:
    """The oldest backups to delete so the rest fit in limit (input newest first).

    The newest backup is always kept, even alone past the limit: it may be the only copy."""
    counted = [info for info in backups if info.reason not in NEVER_DELETED]
    total = sum(info.size for info in counted)
    removed: list[BackupInfo] = []
    for info in reversed(counted[1:]):
        if total <= limit:
            break
        removed.append(info)
        total -= info.size
    return removed
