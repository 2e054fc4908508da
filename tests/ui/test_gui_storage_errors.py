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


def test_a_write_refused_in_a_background_task_is_the_plain_message(
    qtbot: object, context: object
) -> None:
    """Every statement's error is mapped where the engine is made, so work off the GUI
    thread (imports, sample data) says "the disk is full" too, never "OperationalError"."""
    from sqlalchemy import event

    from app.context import AppContext
    from app.dto.customers import CustomerInput
    from ui.background import BackgroundTask

    assert isinstance(context, AppContext)

    def tiny(connection: sqlite3.Connection, _record: object) -> None:
        # SQLite's own "database or disk is full" (SQLITE_FULL) without filling a disk.
        page_count = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {page_count}")

    context.engine.dispose()
    event.listen(context.engine, "connect", tiny)
    failures: list[tuple[str, bool]] = []
    task = BackgroundTask(
        lambda _progress: context.customers.add(CustomerInput(name="x", notes="n" * 19_000)),
        "",
        None,
        False,
    )
    task.failed.connect(lambda message, known: failures.append((message, known)))
    task.start()
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)  # type: ignore[attr-defined]
    [(message, known)] = failures
    assert known and "is full" in message and "Error" not in message, message
