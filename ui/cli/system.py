"""followup doctor: where the data is and whether it is healthy."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from app.context import AppContext
from ui.cli.output import print_json


def register(commands: Any) -> None:
    doctor = commands.add_parser(
        "doctor", help="database path, schema, integrity, backups, keyring"
    )
    doctor.add_argument("--json", action="store_true", help="print JSON instead of lines")
    doctor.set_defaults(handler=_doctor)


def _doctor(context: AppContext, options: argparse.Namespace) -> int:
    report = context.maintenance.doctor()
    if options.json:
        print_json(dataclasses.asdict(report))
    else:
        labels = {
            "version": "Version",
            "database": "Database",
            "schema_revision": "Schema revision",
            "schema_head": "Schema of this app",
            "integrity": "Integrity check",
            "backup_dir": "Backup folder",
            "keyring_backend": "Keyring backend",
            "keyring_secure": "Keyring is a secure store",
            "customers": "Customers",
        }
        for key, label in labels.items():
            print(f"{label + ':':28}{getattr(report, key)}")
    return 0 if report.integrity == "ok" else 1
