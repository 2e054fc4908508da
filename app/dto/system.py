"""DTOs about the installation itself: doctor report, database state."""

from __future__ import annotations

from dataclasses import dataclass


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
