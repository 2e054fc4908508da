"""Installation health: database path, schema revision, integrity, disk, backups, keyring."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from app.dto.system import DoctorReport
from app.secrets import NoSecureStore, SecretStore
from app.version import app_version
from models.integrity import DatabaseDamaged, has_data, integrity_rows
from models.migrations.migrate import current_revision, head_revision
from models.storage import StorageProblem, connect_read_only, folder_state

NO_DATABASE = "no database yet"


class MaintenanceService:
    """Read-only checks for `followup doctor` and the About box; they run on a damaged file."""

    def __init__(self, db_path: Path, backup_dir: Path, secrets: SecretStore) -> None:
        self._db_path = db_path
        self._backup_dir = backup_dir
        # The same judgement that decides where passwords go.
        self._secrets = secrets

    def _integrity(self) -> str:
        if not has_data(self._db_path):
            return NO_DATABASE
        try:
            rows = integrity_rows(self._db_path, "integrity_check")
        except DatabaseDamaged as exc:
            return f"damaged: {exc.__cause__ or exc}"
        except StorageProblem as exc:
            # The disk kept the file from being read: that is not a verdict on the data.
            return f"not checked: {exc.kind} ({exc.detail})"
        return "ok" if rows == ["ok"] else "damaged: " + "; ".join(rows[:5])

    def _customers(self) -> int:
        query = "SELECT count(*) FROM customer WHERE deleted_at IS NULL"
        with (
            contextlib.suppress(sqlite3.Error, StorageProblem),
            contextlib.closing(connect_read_only(self._db_path)) as conn,
        ):
            return int(conn.execute(query).fetchone()[0])
        return 0

    def _revision(self) -> str:
        try:
            return current_revision(self._db_path) or "none"
        except (sqlite3.Error, StorageProblem):
            return "unreadable"

    def doctor(self) -> DoctorReport:
        integrity = self._integrity()
        readable = integrity in ("ok", NO_DATABASE) or integrity.startswith("not checked")
        try:
            backend, secure = self._secrets.backend()
        except NoSecureStore as exc:
            # The doctor reports what is wrong; it does not stop at the first thing.
            backend, secure = str(exc), False
        here, backups = folder_state(self._db_path.parent), folder_state(self._backup_dir)
        return DoctorReport(
            version=app_version(),
            database=str(self._db_path),
            schema_revision=self._revision(),
            schema_head=head_revision(),
            integrity=integrity,
            backup_dir=str(self._backup_dir),
            keyring_backend=backend,
            keyring_secure=secure,
            customers=self._customers() if readable else 0,
            storage=here.problem or "writable",
            disk_free_bytes=here.free_bytes,
            backup_storage=backups.problem or "writable",
            backup_disk_free_bytes=backups.free_bytes,
        )
