"""Installation health: database path, schema revision, integrity, backups, keyring."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from app.dto.system import DoctorReport
from app.secrets import SecretStore
from app.version import app_version
from models.migrations.migrate import current_revision, head_revision


class MaintenanceService:
    """Read-only checks for `followup doctor` and the About box."""

    def __init__(self, db_path: Path, backup_dir: Path, secrets: SecretStore) -> None:
        self._db_path = db_path
        self._backup_dir = backup_dir
        # The same judgement that decides where passwords go.
        self._secrets = secrets

    def doctor(self) -> DoctorReport:
        with contextlib.closing(sqlite3.connect(f"file:{self._db_path}?mode=ro", uri=True)) as conn:
            try:
                rows = conn.execute("PRAGMA integrity_check").fetchall()
                integrity = "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:5])
                customers = conn.execute(
                    "SELECT count(*) FROM customer WHERE deleted_at IS NULL"
                ).fetchone()[0]
            except sqlite3.DatabaseError as exc:
                integrity, customers = f"damaged: {exc}", 0
        backend, secure = self._secrets.backend()
        return DoctorReport(
            version=app_version(),
            database=str(self._db_path),
            schema_revision=current_revision(self._db_path) or "none",
            schema_head=head_revision(),
            integrity=integrity,
            backup_dir=str(self._backup_dir),
            keyring_backend=backend,
            keyring_secure=secure,
            customers=int(customers),
        )
