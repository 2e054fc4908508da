"""Opening the planner after the first paint: data on screen, then the start backup."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.context import build_context
from app.dto.customers import CustomerInput
from ui.main_window import MainWindow
from ui.startup import open_planner


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A planner with one customer, closed again."""
    path = tmp_path / "planner.sqlite3"
    first = build_context(path)
    first.customers.add(CustomerInput(name="Ana Silva"))
    first.close()
    return path


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    """The main window shown, before any database is opened."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_open_planner_fills_the_window_then_backs_up_in_the_background(
    qtbot: QtBot, tmp_path: Path, path: Path, window: MainWindow
) -> None:
    context = open_planner(window, path)
    assert context is not None and window.context is context
    assert window.customers is not None
    backups = tmp_path / "backups"
    qtbot.waitUntil(lambda: any(backups.glob("planner-*.sqlite3")), timeout=10_000)
    window.close()


def test_a_damaged_file_goes_to_the_recovery_choice(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "planner.sqlite3"
    path.write_bytes(b"this is not a database" * 200)
    asked: list[object] = []

    def fake_recover(error: object, _parent: object) -> None:
        asked.append(error)

    import ui.dialogs.recovery_dialog as recovery

    monkeypatch.setattr(recovery, "recover", fake_recover)
    window = MainWindow()
    qtbot.addWidget(window)
    assert open_planner(window, path) is None
    assert len(asked) == 1 and window.context is None


def test_customers_and_plans_are_built_on_first_visit_with_shortcuts_ready(
    path: Path, window: MainWindow
) -> None:
    assert window.new_customer.shortcut().isEmpty()  # not before the first paint
    assert open_planner(window, path) is not None
    workspace = window.workspace
    assert workspace is not None
    assert not window.new_customer.shortcut().isEmpty()
    assert "(" in window.new_customer.toolTip()  # the shortcut is named in the tooltip
    assert workspace._customers is None and workspace._plans is None
    workspace.go(2)
    assert workspace._plans is not None
    assert workspace.pages.currentWidget() is workspace.plans_view
    window.go_customers.trigger()
    assert workspace._customers is not None
    assert workspace.pages.currentWidget() is workspace.customer_stack
    assert workspace.customers.model.rowCount() == 1
    assert workspace.pages.count() == 4
    window.close()
