"""The Customers list: next follow-up and last contact columns, sorted in SQL; keys and clicks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QHeaderView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.dto.customers import CustomerInput
from app.dto.sales import SaleInput
from ui.item_models.customer_table import COLUMNS, CustomerTableModel
from ui.main_window import MainWindow

D = dt.date
NEXT = next(n for n, (key, _header) in enumerate(COLUMNS) if key == "next_due")
LAST = next(n for n, (key, _header) in enumerate(COLUMNS) if key == "last_contact")


def three_customers(context: AppContext) -> dict[str, int]:
    now = context.clock.now()
    ids = {}
    for name, closed, days_ago in (
        ("Ana Early", D(2026, 11, 16), 100),
        ("Ben Late", D(2026, 11, 19), 5),
        ("Cleo Quiet", None, None),
    ):
        customer = context.customers.add(CustomerInput(name=name, do_not_contact=closed is None))
        if closed is not None:
            context.sales.record(SaleInput(customer.id, closed, "lost"))
        if days_ago is not None:
            when = now - dt.timedelta(days=days_ago)
            context.interactions.add(customer.id, "Spoke", occurred_at=when)
        ids[name] = customer.id
    return ids


def column(window: MainWindow, number: int) -> list[str]:
    assert window.customers is not None
    model = window.customers.model
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_dates_are_shown_and_sorted_by_clicking_the_headers(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    three_customers(context)
    assert window.customers is not None
    window.go_customers.trigger()
    header = window.customers.view.table.horizontalHeader()
    assert window.customers.model.headerData(NEXT, Qt.Orientation.Horizontal) == "Next follow-up"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header_pos(header, NEXT))
    names = column(window, 1)
    assert names[-1] == "Cleo Quiet" and column(window, NEXT)[-1] == "Nothing planned"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header_pos(header, LAST))
    assert column(window, 1) == ["Cleo Quiet", "Ana Early", "Ben Late"]
    assert column(window, LAST)[0] == "Never"
    assert all(text and text != "Never" for text in column(window, LAST)[1:])


def header_pos(header: QHeaderView, section: int) -> QPoint:
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_not_contacted_filter_shows_the_dates(window: MainWindow, context: AppContext) -> None:
    three_customers(context)
    assert window.customers is not None
    window.go_customers.trigger()
    view = window.customers.view
    view.filter.setCurrentIndex(view.filter.findData("not_contacted"))
    assert column(window, 1) == ["Ana Early"]  # Cleo asked not to be contacted
    assert column(window, LAST)[0] not in ("", "Never")


def test_down_moves_into_the_list_and_enter_opens_the_page(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    ids = three_customers(context)
    assert window.customers is not None and window.workspace is not None
    window.workspace.focus_search()
    search = window.customers.view.search
    qtbot.keyClicks(search, "late")
    qtbot.keyClick(search, Qt.Key.Key_Down)
    table = window.customers.view.table
    assert QApplication.focusWidget() is table
    assert window.customers.selected() is not None
    assert window.customers.selected().name == "Ben Late"  # type: ignore[union-attr]
    window.workspace.focus_search()
    search.clear()
    qtbot.keyClicks(search, "cleo")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.workspace.page_customer_id() == ids["Cleo Quiet"]


def test_double_click_opens_the_page_and_no_dialog(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    ids = three_customers(context)
    assert window.customers is not None and window.workspace is not None
    window.go_customers.trigger()
    table = window.customers.view.table
    rect = table.visualRect(window.customers.model.index(1, 1))
    # As a real double-click arrives: a press and release, then the double-click.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert QApplication.activeModalWidget() is None
    assert window.workspace.page_customer_id() == ids["Ben Late"]


def test_model_sorted_by_the_dates_passes_the_model_tester(
    qtmodeltester: ModelTester, context: AppContext
) -> None:
    for number in range(230):
        customer = context.customers.add(CustomerInput(name=f"P{number:03d}"))
        if number % 3:
            context.sales.record(SaleInput(customer.id, D(2026, 11, 1 + number % 20), "lost"))
    for sort in (NEXT, LAST):
        model = CustomerTableModel(context.customers.page)
        model.sort(sort, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(model, force_py=True)
        assert model.rowCount() == 230
        ids = [model.index(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(230)]
        assert len(set(ids)) == 230
