"""Opening: an upgrade stopped by the disk is a StorageError with what to do, not a bug."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from app import context as context_module
from app.clock import FixedClock
from app.context import open_database
from app.errors import StorageError
from models.migrations.migrate import MigrationFailed
from tests.conftest import PINNED_NOW


def test_an_upgrade_stopped_by_a_full_disk_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*_args: Any, **_kwargs: Any) -> None:
        full = sqlite3.OperationalError("database or disk is full")
        full.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
        try:
            raise OperationalError("INSERT …", {}, full)
        except OperationalError as wrapped:
            # As models.migrations.migrate._upgrade reports any failure of the upgrade.
            raise MigrationFailed(f"upgrading failed and was rolled back: {wrapped}") from wrapped

    monkeypatch.setattr(context_module, "prepare_database", full_disk)
    with pytest.raises(StorageError, match="full"):
        open_database(tmp_path / "planner.sqlite3", tmp_path / "backups", FixedClock(PINNED_NOW))
