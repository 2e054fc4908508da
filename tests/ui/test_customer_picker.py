"""Choosing or creating the customer inside a dialog: the picker, a sale and a decline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerInput, CustomerQuery
from ui.dialogs.decline_dialog import DeclineDialog
from ui.dialogs.sale_dialog import SaleDialog
from ui.main_window import MainWindow
from ui.widgets.customer_picker import CustomerPicker

D = dt.date
BERLIN_MORNING = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)
DialogDriver = Callable[[Callable[[QDialog], None]], None]


@pytest.fixture
def planner(context: AppContext, clock: FixedClock) -> AppContext:
    clock.set(BERLIN_MORNING)
    context.settings.set_many({"timezone": "Europe/Berlin", "holiday_country": "DE-BY"})
    for name, company in (("Ana Silva", "Acme"), ("Ben Okafor", "Northwind"), ("Cleo Park", "")):
        context.customers.add(CustomerInput(name=name, company=company))
    return context


def shown_names(picker: CustomerPicker) -> list[str]:
    return [picker.model.index(row, 1).data() for row in range(picker.model.rowCount())]


def test_search_down_and_choose(qtbot: QtBot, planner: AppContext) -> None:
    picker = CustomerPicker(planner.customers)
    qtbot.addWidget(picker)
    picker.show()
    chosen: list[object] = []
    picker.chosen.connect(chosen.append)
    assert shown_names(picker) == ["Ana Silva", "Ben Okafor", "Cleo Park"]
    qtbot.keyClicks(picker.search, "north")
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert shown_names(picker) == ["Ben Okafor"]
    assert picker.customer() is not None and picker.customer().name == "Ben Okafor"  # type: ignore[union-attr]
    assert chosen[-1] == picker.customer()
    picker.search.clear()
    picker.apply_search()
    assert picker.customer() is None and chosen[-1] is None


def test_create_a_new_customer_inline(qtbot: QtBot, planner: AppContext) -> None:
    picker = CustomerPicker(planner.customers)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker.search, "Dora Diaz")
    qtbot.mouseClick(picker.new_button, Qt.MouseButton.LeftButton)
    assert picker.new_box.isVisible() and picker.new_name.text() == "Dora Diaz"
    qtbot.keyClicks(picker.new_email, "not-an-address")
    qtbot.keyClick(picker.new_email, Qt.Key.Key_Return)
    assert picker.error.isVisible() and "not an e-mail address" in picker.error.text()
    assert planner.customers.count() == 3  # refused: nothing written, nothing lost
    assert picker.new_name.text() == "Dora Diaz"
    picker.new_email.clear()
    qtbot.keyClicks(picker.new_email, "dora@diaz.example")
    qtbot.keyClicks(picker.new_company, "Diaz & Co")
    qtbot.keyClick(picker.new_company, Qt.Key.Key_Return)
    assert not picker.new_box.isVisible() and not picker.error.isVisible()
    chosen = picker.customer()
    assert chosen is not None and (chosen.name, chosen.company, chosen.email) == (
        "Dora Diaz",
        "Diaz & Co",
        "dora@diaz.example",
    )
    assert planner.customers.count() == 4


def test_the_picker_model_passes_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, planner: AppContext
) -> None:
    picker = CustomerPicker(planner.customers)
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.search, "a")
    picker.apply_search()
    qtmodeltester.check(picker.model, force_py=True)


def test_a_sale_with_no_customer_chosen_asks_for_one(qtbot: QtBot, planner: AppContext) -> None:
    dialog = SaleDialog(planner, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.picker is not None
    assert dialog.reason.text() == "Choose the customer to see the follow-ups."
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() == "Choose who the sale is for."
    qtbot.keyClicks(dialog.picker.search, "cleo")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)  # chooses, does not save
    assert dialog.isVisible() and dialog.saved is None
    assert "Cleo Park" in dialog.heading.text()
    qtbot.waitUntil(lambda: dialog.preview_model.rowCount() > 0, timeout=2000)
    qtbot.keyClicks(dialog.amount, "900")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.saved is not None
    cleo = next(c for c in planner.customers.page(CustomerQuery()).rows if c.name == "Cleo Park")
    assert [sale.amount_minor for sale in planner.sales.of_customer(cleo.id)] == [90000]


def test_record_a_sale_with_nothing_selected_opens_the_chooser(
    qtbot: QtBot, window: MainWindow, planner: AppContext, on_next_dialog: DialogDriver
) -> None:
    assert window.workspace is not None
    window.go_customers.trigger()
    assert window.workspace.selected_customer_id() is None

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, SaleDialog) and dialog.picker is not None
        qtbot.mouseClick(dialog.picker.new_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.picker.new_name, "Eve Novak")
        qtbot.keyClick(dialog.picker.new_name, Qt.Key.Key_Return)
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.amount, "2500")
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)

    messages: list[str] = []
    window.workspace.status.connect(messages.append)
    on_next_dialog(act)
    window.record_sale.trigger()
    assert messages and messages[-1].startswith("Recorded the sale")
    eve = next(c for c in planner.customers.page(CustomerQuery()).rows if c.name == "Eve Novak")  # type: ignore[arg-type]
    assert [sale.amount_minor for sale in planner.sales.of_customer(eve.id)] == [250000]


def test_a_decline_from_the_menu_asks_who_it_is_about(qtbot: QtBot, planner: AppContext) -> None:
    dialog = DeclineDialog(
        planner.declines, planner.partners, D(2026, 11, 20), None, pick=planner.customers
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.picker is not None and not dialog.come_back.isEnabled()
    qtbot.keyClicks(dialog.picker.search, "ana")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Down)
    assert dialog.come_back.isEnabled() and "Ana Silva" in dialog.who.text()
    qtbot.keyClicks(dialog.summary, "Leasing for ten forklifts")
    dialog.come_back.setChecked(True)
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)
    assert dialog.saved is not None
    ana = next(c for c in planner.customers.page(CustomerQuery()).rows if c.name == "Ana Silva")  # type: ignore[arg-type]
    assert dialog.saved.customer_id == ana.id and dialog.saved.come_back_on is not None


def test_a_decline_for_someone_not_yet_a_customer_needs_no_choice(
    qtbot: QtBot, planner: AppContext
) -> None:
    dialog = DeclineDialog(
        planner.declines, planner.partners, D(2026, 11, 20), None, pick=planner.customers
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.summary, "A one-off repair")
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)
    assert dialog.saved is not None and dialog.saved.customer_id is None


def test_tab_goes_through_the_picker_first(qtbot: QtBot, planner: AppContext) -> None:
    dialog = SaleDialog(planner, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.picker is not None
    widget, seen = dialog.picker.search.nextInFocusChain(), [dialog.picker.search]
    while len(seen) < 4 and widget is not dialog.picker.search:
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            seen.append(widget)
        widget = widget.nextInFocusChain()
    assert seen == [dialog.picker.search, dialog.picker.table, dialog.picker.new_button, dialog.won]
