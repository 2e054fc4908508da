"""Opening the planner after the first paint: data on screen, then the start backup."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from app.context import build_context
from app.dto.customers import CustomerInput
from app.dto.sales import SaleInput
from app.errors import KnownError
from ui.item_models.agenda_table import COL_SUBJECT
from ui.main_window import MainWindow
from ui.startup import open_planner
from ui.workspace_shell import PLANS


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
    assert workspace._promises is None and workspace._insights is None
    workspace.go(PLANS)
    assert workspace._plans is not None
    assert workspace.pages.currentWidget() is workspace.plans_view
    window.go_customers.trigger()
    assert workspace._customers is not None
    assert workspace.pages.currentWidget() is workspace.customer_stack
    assert workspace.customers.model.rowCount() == 1
    window.go_promises.trigger()
    assert workspace.pages.currentWidget() is workspace.promises.view
    window.go_insights.trigger()
    assert workspace.pages.currentWidget() is workspace.insights_view
    # Today, Customers, Promises, Plans, Insights and the welcome page: every stand-in replaced.
    assert workspace.pages.count() == 6
    window.close()


@pytest.fixture
def busy_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A planner with follow-ups due around today (FOLLOWUP_TODAY pins it), closed again."""
    monkeypatch.setenv("FOLLOWUP_TODAY", "2026-11-23")
    path = tmp_path / "busy.sqlite3"
    first = build_context(path)
    for name in ("Ana Silva", "Bo Berg"):
        customer = first.customers.add(CustomerInput(name=name))
        first.sales.record(
            SaleInput(
                customer_id=customer.id,
                closed_on=dt.date(2026, 11, 20),
                outcome="won",
                description="Printer",
                promised_delivery=dt.date(2026, 11, 24),
            )
        )
    first.close()
    return path


def test_today_is_painted_from_the_file_before_the_services_load_then_taken_over(
    qtbot: QtBot, busy_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.context

    real_build = app.context.build_context
    seen_at_build: dict[str, object] = {}

    def build_and_note(*args: object, **kwargs: object) -> object:
        table = window.findChild(QTableView, "agendaTable")
        assert table is not None and window.centralWidget().isAncestorOf(table)
        seen_at_build["model"] = table.model()
        seen_at_build["rows"] = table.model().rowCount()
        seen_at_build["subject"] = table.model().index(0, COL_SUBJECT).data()
        return real_build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app.context, "build_context", build_and_note)
    shown: list[int] = []
    window.today_shown.connect(lambda: shown.append(len(seen_at_build)))
    context = open_planner(window, busy_path)
    assert context is not None and window.workspace is not None
    today = window.workspace.today
    # On screen, with its rows, before the services were built; shown once.
    assert shown == [0]
    assert seen_at_build["rows"] == today.model.rowCount() > 0
    assert seen_at_build["subject"] == ""  # drafts need the services
    # The same list was taken over, not read again, and its subjects are rendered now.
    assert seen_at_build["model"] is today.model
    assert window.centralWidget() is window.workspace.widget
    qtbot.waitUntil(lambda: bool(today.model.index(0, COL_SUBJECT).data()), timeout=5000)
    assert (
        today.model.index(0, COL_SUBJECT).data()
        == context.drafts.draft(
            today.model.touchpoint_at(0).id  # type: ignore[union-attr]
        ).subject
    )
    window.close()


def test_nothing_due_takes_the_usual_path_and_still_says_when_shown(
    path: Path, window: MainWindow
) -> None:
    shown: list[bool] = []
    window.today_shown.connect(lambda: shown.append(window.workspace is not None))
    assert open_planner(window, path) is not None
    assert shown == [True]
    window.close()


def _agenda_on_screen(window: MainWindow) -> bool:
    table = window.findChild(QTableView, "agendaTable")
    return table is not None and window.centralWidget().isAncestorOf(table)


def _slow_check_until_shown(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The integrity check of a big file, still running when Today's first page is ready:
    its verdict is held back until the page is on screen (or 5 s, if it never shows).
    The list says, per check, whether the page came before its verdict."""
    import app.startup_check

    painted = threading.Event()
    window.today_shown.connect(painted.set)
    real_check = app.startup_check.check_integrity
    page_first: list[bool] = []

    def slow_check(path: Path) -> None:
        page_first.append(painted.wait(5))
        real_check(path)

    monkeypatch.setattr(app.startup_check, "check_integrity", slow_check)
    return page_first


def _damage_a_table_today_does_not_read(path: Path) -> None:
    """Garble the page header of the plans table: the quick check fails, Today reads fine."""
    with sqlite3.connect(path) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'plan'").fetchone()
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\x00" * 12)


def test_the_first_page_does_not_wait_for_the_integrity_check(
    busy_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page_first = _slow_check_until_shown(window, monkeypatch)
    on_screen: list[bool] = []
    window.today_shown.connect(lambda: on_screen.append(_agenda_on_screen(window)))
    assert open_planner(window, busy_path) is not None
    # Shown once, from the file, while the check still ran; the services waited for it.
    assert on_screen == [True] and page_first == [True]
    assert window.workspace is not None and window.workspace.today.model.rowCount() > 0
    window.close()


def test_a_file_found_damaged_after_its_first_page_showed_takes_the_page_down(
    busy_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _damage_a_table_today_does_not_read(busy_path)
    page_first = _slow_check_until_shown(window, monkeypatch)
    shown: list[bool] = []
    window.today_shown.connect(lambda: shown.append(_agenda_on_screen(window)))
    asked: list[bool] = []

    def fake_recover(_error: object, _parent: object) -> None:
        asked.append(_agenda_on_screen(window))  # what the window shows behind the choice

    import ui.dialogs.recovery_dialog as recovery

    monkeypatch.setattr(recovery, "recover", fake_recover)
    assert open_planner(window, busy_path) is None
    assert shown == [True] and page_first == [True]  # on screen before the verdict came
    # No list from a damaged file behind the recovery choice, nor after it was declined.
    assert asked == [False]
    assert not _agenda_on_screen(window) and window.context is None
    window.close()


def test_a_file_that_cannot_be_opened_after_its_first_page_showed_takes_the_page_down(
    busy_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.context

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise KnownError("The disk is full.", "Free some space, then start again.")

    monkeypatch.setattr(app.context, "build_context", refuse)
    told: list[bool] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda *_args: told.append(_agenda_on_screen(window))
    )
    shown: list[bool] = []
    window.today_shown.connect(lambda: shown.append(_agenda_on_screen(window)))
    assert open_planner(window, busy_path) is None
    assert shown == [True] and told == [False]
    assert not _agenda_on_screen(window) and window.context is None
    window.close()
