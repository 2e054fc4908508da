"""The window's last-resort error hook: a write the disk refused is a plain message, not a bug."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.exc import OperationalError

from ui.gui import install_exception_hook


def test_a_full_disk_during_a_write_is_shown_as_what_to_do(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(("w", text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(("c", text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_exception_hook("followup.log", tmp_path / "planner.sqlite3")
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
    error = OperationalError("INSERT INTO customer …", {}, full)
    sys.excepthook(type(error), error, None)
    assert len(shown) == 1 and shown[0][0] == "w"
    assert "full" in shown[0][1] and "Free some space" in shown[0][1]
