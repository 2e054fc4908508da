"""Driving the customers screen like a user: first run, add, search, edit, delete, undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext, build_context
from app.dto.customers import CustomerInput
from ui.dialogs.customer_dialog import CustomerDialog
from ui.item_models.customer_table import CustomerTableModel
from ui.main_window import MainWindow
from ui.workspace_shell import CUSTOMERS, TODAY, WELCOME

DialogDriver = Callable[[Callable[[QDialog], None]], None]


def visible_names(window: MainWindow) -> list[str]:
    assert window.customers is not None
    model = window.customers.model
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def fill_and_save(qtbot: QtBot, name: str, email: str = "") -> Callable[[QDialog], None]:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, CustomerDialog)
        qtbot.keyClicks(dialog.name, name)
        if email:
            qtbot.keyClicks(dialog.email, email)
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    return act


def test_first_run_shows_welcome_then_added_customer_survives_restart(
    qtbot: QtBot, window: MainWindow, on_next_dialog: DialogDriver, db_path: Path, clock: FixedClock
) -> None:
    assert window.workspace is not None
    assert window.workspace.current() == WELCOME
    on_next_dialog(fill_and_save(qtbot, "Ana Silva", "ana@acme.example"))
    qtbot.mouseClick(window.workspace.welcome.add_customer, Qt.MouseButton.LeftButton)
    assert window.workspace.current() == CUSTOMERS
    assert visible_names(window) == ["Ana Silva"]
    window.close()  # closes the database too
    assert window.context is None

    reopened = MainWindow()
    qtbot.addWidget(reopened)
    reopened.show()
    reopened.attach(build_context(db_path, clock))
    assert reopened.workspace is not None and reopened.workspace.current() == TODAY
    assert visible_names(reopened) == ["Ana Silva"]
    reopened.close()


def test_invalid_email_keeps_the_dialog_open_with_the_reason(
    qtbot: QtBot, window: MainWindow, on_next_dialog: DialogDriver
) -> None:
    seen: list[str] = []

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, CustomerDialog)
        qtbot.keyClicks(dialog.name, "Bad Mail")
        qtbot.keyClicks(dialog.email, "bad@")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        assert dialog.isVisible()
        seen.append(dialog.error.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    on_next_dialog(act)
    window.new_customer.trigger()
    assert seen and "not an e-mail address" in seen[0]
    assert visible_names(window) == []


def test_search_as_you_type_filters_in_sql(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    for name, company in (
        ("Ana Silva", "Acme"),
        ("Ben Okafor", "Northwind"),
        ("Cleo Park", "Acme"),
    ):
        context.customers.add(CustomerInput(name=name, company=company))
    assert window.customers is not None
    window.customers.refresh()
    qtbot.keyClicks(window.customers.view.search, "acme")
    qtbot.waitUntil(lambda: visible_names(window) == ["Ana Silva", "Cleo Park"], timeout=2000)
    # The match count follows the list one event-loop pass later.
    qtbot.waitUntil(lambda: "2 of 3" in window.customers.view.count.text(), timeout=2000)


def test_delete_and_undo_with_the_keyboard(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    context.customers.add(CustomerInput(name="Keep Me"))
    context.customers.add(CustomerInput(name="Lose Me"))
    assert window.customers is not None
    window.go_customers.trigger()
    table = window.customers.view.table
    table.selectRow(1)
    window.delete_customer.trigger()
    assert visible_names(window) == ["Keep Me"]
    assert [c.name for c in context.customers.trash()] == ["Lose Me"]
    assert window.undo.isEnabled()
    window.undo.trigger()
    assert visible_names(window) == ["Keep Me", "Lose Me"]


def test_customer_model_passes_qt_model_tester(
    qtmodeltester: ModelTester, context: AppContext
) -> None:
    for number in range(450):
        context.customers.add(CustomerInput(name=f"Person {number:03d}", company="Co"))
    model = CustomerTableModel(context.customers.page)
    model.reload()
    assert model.rowCount() == 200  # first page only; the rest on demand
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 1).data() == "Person 449"
    # The tester must see no further resets: pytest-qt's checker re-enters fetchMore on reset.
    qtmodeltester.check(model, force_py=True)  # it scrolls through every page itself
    assert model.rowCount() == 450
    assert not model.canFetchMore()


def test_silence_filter_shows_customers_with_nothing_planned(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    context.customers.add(CustomerInput(name="Planned Person"))
    context.customers.add(CustomerInput(name="Silent Person", do_not_contact=True))
    assert window.customers is not None
    window.customers.refresh()
    view = window.customers.view
    view.filter.setCurrentIndex(view.filter.findData("no_future"))
    assert visible_names(window) == ["Silent Person"]
    assert "1 of 2" in view.count.text()
    view.filter.setCurrentIndex(view.filter.findData("all"))
    assert visible_names(window) == ["Planned Person", "Silent Person"]


def test_no_heading_is_cut_at_the_default_widths(window: MainWindow, context: AppContext) -> None:
    """Seen in a screenshot: "lext follow-u" under a sort arrow."""
    context.customers.add(CustomerInput(name="Ana Silva", company="Acme"))
    assert window.customers is not None
    window.customers.refresh()
    view = window.customers.view
    view.set_default_column_widths()
    header = view.table.horizontalHeader()
    for column in range(header.count() - 1):  # the last one stretches
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column
