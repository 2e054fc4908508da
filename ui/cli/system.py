"""followup doctor: where the data is, whether it is healthy, and what its disk allows."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from app.i18n import N_, _
from app.paths import backup_dir_for, resolve_db_path
from app.secrets import SecretStore
from app.services.maintenance import NO_DATABASE, MaintenanceService
from app.storage import size_text
from ui.cli.output import print_json

LABELS = {
    "version": N_("Version"),
    "database": N_("Database"),
    "schema_revision": N_("Schema revision"),
    "schema_head": N_("Schema of this app"),
    "integrity": N_("Integrity check"),
    "storage": N_("Folder"),
    "disk_free_bytes": N_("Free space"),
    "backup_dir": N_("Backup folder"),
    "backup_storage": N_("Backup folder state"),
    "backup_disk_free_bytes": N_("Free space for backups"),
    "keyring_backend": N_("Keyring backend"),
    "keyring_secure": N_("Keyring is a secure store"),
    "customers": N_("Customers"),
}


def register(commands: Any) -> None:
    doctor = commands.add_parser(
        "doctor",
        help=_("database path, schema, integrity, disk and folder, backups, keyring"),
        description=(
            _(
                "Runs on a damaged or unwritable file too (it opens nothing for writing). Exit "
                "status 0 when the file is sound and its folder writable with room to spare."
            )
        ),
    )
    doctor.add_argument("--json", action="store_true", help=_("print JSON instead of lines"))
    # The diagnostic must run on the files that cannot be opened normally.
    doctor.set_defaults(handler=_doctor, needs_context=False)


def _doctor(_context: None, options: argparse.Namespace) -> int:
    path = resolve_db_path(options.db)
    report = MaintenanceService(path, backup_dir_for(path), SecretStore()).doctor()
    if options.json:
        print_json(dataclasses.asdict(report))
    else:
        for key, label in LABELS.items():
            value = getattr(report, key)
            shown = size_text(value) if key.endswith("_bytes") else value
            print(f"{_(label) + ':':28}{shown}")
    healthy = report.integrity in ("ok", NO_DATABASE) and report.storage == "writable"
    return 0 if healthy else 1
