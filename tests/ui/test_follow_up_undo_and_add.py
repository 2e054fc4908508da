"""Undo, add by hand and a customer page's Coming up rows, driven like a user in the window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.sales import SaleInput
from app.dto.touchpoints import NewFollowUp
from ui.dialogs.add_follow_up_dialog import AddFollowUpDialog
from ui.dialogs.skip_dialog import SkipDialog
from ui.dialogs.snooze_dialog import SnoozeDialog
from ui.main_window import MainWindow
from ui.workspace import Workspace
from ui.workspace_shell import CUSTOMERS, TODAY

DialogDriver = Callable[[Callable[[QDialog], None]], None]
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
FRIDAY_MORNING = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)  # 09:00 in Berlin


@pytest.fixture
def ana(context: AppContext, clock: FixedClock) -> CustomerDTO:
    clock.set(FRIDAY_MORNING)
    context.settings.set_many(
        {"timezone": "Europe/Berlin", "holiday_country": "DE-BY", "min_gap_days": "2"}
    )
    return context.customers.add(CustomerInput(name="Ana Silva", company="Acme", channel="email"))


def thank_you_of(context: AppContext, customer: CustomerDTO) -> int:
    context.sales.record(
        SaleInput(customer.id, dt.date(2026, 11, 20), "won", promised_delivery=dt.date(2026, 12, 5))
    )
    items = context.agenda.touchpoints(customer_id=customer.id)
    return next(item.id for item in items if item.kind == "thank_you")


def workspace_of(window: MainWindow) -> Workspace:
    assert window.workspace is not None
    return window.workspace


def skip_saying(qtbot: QtBot, reason: str) -> Callable[[QDialog], None]:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, SkipDialog)
        qtbot.keyClicks(dialog.reason, reason)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    return act


def test_ctrl_z_after_skip_brings_the_row_back(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    ana: CustomerDTO,
    on_next_dialog: DialogDriver,
) -> None:
    thank_you = thank_you_of(context, ana)
    workspace = workspace_of(window)
    workspace.go(TODAY)
    today = workspace.today
    assert today._select(thank_you)
    assert not window.undo.isEnabled()
    on_next_dialog(skip_saying(qtbot, "Met at the fair"))
    qtbot.keyClick(today.view.table, Qt.Key.Key_K, CTRL)
    assert today.model.row_of(thank_you) < 0
    assert context.touchpoints.get(thank_you).status == "skipped"
    assert window.undo.isEnabled() and window.undo.text() == "&Undo skip"
    # The closed dialog hands activation back to the window (a window system does this
    # itself; the offscreen platform leaves the dialog active until it is deleted).
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.wait(20)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(today.view.table, Qt.Key.Key_Z, CTRL)
    assert today.model.row_of(thank_you) >= 0
    item = context.touchpoints.get(thank_you)
    assert (item.status, item.skip_reason) == ("planned", "")
    assert not window.undo.isEnabled() and window.undo.text() == "&Undo"


def test_add_from_today_with_ctrl_shift_n(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    ana: CustomerDTO,
    on_next_dialog: DialogDriver,
) -> None:
    workspace = workspace_of(window)
    workspace.go(TODAY)
    seen: list[dt.date] = []

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, AddFollowUpDialog)
        qtbot.keyClicks(dialog.search, "Ana")
        assert dialog.customer.currentText() == "Ana Silva (Acme)"
        seen.append(dialog.day.date().toPython())
        dialog.kind.setCurrentIndex(dialog.kind.findData("value_add"))
        qtbot.keyClicks(dialog.note, "Send the new catalogue")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    on_next_dialog(act)
    qtbot.keyClick(workspace.today.view.table, Qt.Key.Key_N, CTRL_SHIFT)
    assert seen == [dt.date(2026, 11, 23)]  # the next working day
    [added] = [t for t in context.agenda.touchpoints(customer_id=ana.id) if t.kind == "value_add"]
    assert added.subject == "Send the new catalogue" and added.due_date == dt.date(2026, 11, 23)
    assert workspace.today.model.row_of(added.id) >= 0
    assert window.undo.text() == "&Undo add follow-up"
    window.undo.trigger()
    assert workspace.today.model.row_of(added.id) < 0
    assert added.id not in [t.id for t in context.agenda.touchpoints(customer_id=ana.id)]


def test_add_from_a_customer_page_appears_in_coming_up(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    ana: CustomerDTO,
    on_next_dialog: DialogDriver,
) -> None:
    workspace = workspace_of(window)
    workspace.open_customer(ana.id)
    page = workspace.customer_page
    errors: list[str] = []

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, AddFollowUpDialog)
        assert dialog.customer.currentText() == "Ana Silva (Acme)"  # preset
        dialog.kind.setCurrentIndex(dialog.kind.findData("delivery_check"))
        dialog.timed.setChecked(True)
        dialog.day.setDate(dt.date(2026, 11, 26))
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    on_next_dialog(act)
    qtbot.mouseClick(
        page.view.upcoming_tools.widgetForAction(page.coming_up.add), Qt.MouseButton.LeftButton
    )
    assert errors == []
    kinds = [
        (entry.kind, entry.when, entry.time)
        for row in range(page.upcoming_model.rowCount())
        if (entry := page.upcoming_model.entry_at(row)) is not None
    ]
    assert ("delivery_check", dt.date(2026, 11, 26), dt.time(9, 0)) in kinds


def row_of(workspace: Workspace, touchpoint_id: int) -> int:
    model = workspace.customer_page.upcoming_model
    for row in range(model.rowCount()):
        entry = model.entry_at(row)
        if entry is not None and entry.source == "touchpoint" and entry.source_id == touchpoint_id:
            return row
    return -1


def test_coming_up_rows_skip_undo_and_open_the_draft(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    ana: CustomerDTO,
    on_next_dialog: DialogDriver,
) -> None:
    thank_you = thank_you_of(context, ana)
    workspace = workspace_of(window)
    workspace.open_customer(ana.id)
    page = workspace.customer_page
    table = page.view.upcoming
    assert not page.coming_up.skip.isEnabled()  # nothing chosen yet
    table.selectRow(row_of(workspace, thank_you))
    assert page.coming_up.skip.isEnabled() and page.coming_up.change_date.isEnabled()
    on_next_dialog(skip_saying(qtbot, "Thanked in person"))
    page.coming_up.skip.trigger()
    assert row_of(workspace, thank_you) < 0
    assert window.undo.text() == "&Undo skip"
    window.undo.trigger()
    assert row_of(workspace, thank_you) >= 0
    # Double-click: the draft, in Today, beside the follow-up.
    rect = table.visualRect(page.upcoming_model.index(row_of(workspace, thank_you), 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert workspace.current() == TODAY
    selected = workspace.today.selected()
    assert selected is not None and selected.id == thank_you
    assert workspace.today.view.draft.draft is not None
    assert context.touchpoints.get(thank_you).status == "planned"


def test_change_date_keeps_a_saturday_and_undo_puts_it_back(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    ana: CustomerDTO,
    on_next_dialog: DialogDriver,
) -> None:
    thank_you = thank_you_of(context, ana)
    workspace = workspace_of(window)
    workspace.go(TODAY)
    today = workspace.today
    assert today._select(thank_you)

    def pick(dialog: QDialog) -> None:
        assert isinstance(dialog, SnoozeDialog) and dialog.windowTitle() == "Change date…"
        dialog.calendar.setSelectedDate(QDate(2026, 11, 28))
        qtbot.keyClick(dialog.calendar, Qt.Key.Key_Return)

    on_next_dialog(pick)
    today.acts.change_date.trigger()
    moved = context.touchpoints.get(thank_you)
    assert moved.due_date == dt.date(2026, 11, 28) and moved.pinned
    assert window.undo.text() == "&Undo change date"
    window.undo.trigger()
    back = context.touchpoints.get(thank_you)
    assert back.due_date == dt.date(2026, 11, 20) and not back.pinned


def test_open_draft_of_a_follow_up_today_cannot_list_stays_on_the_page(
    qtbot: QtBot, window: MainWindow, context: AppContext, ana: CustomerDTO
) -> None:
    far = context.touchpoints.add(NewFollowUp(ana.id, "value_add", dt.date(2027, 6, 1))).touchpoint
    workspace = workspace_of(window)
    workspace.open_customer(ana.id)
    page = workspace.customer_page
    said: list[str] = []
    workspace.status.connect(said.append)
    page.view.upcoming.selectRow(row_of(workspace, far.id))
    page.coming_up.open_draft.trigger()
    assert workspace.current() == CUSTOMERS and workspace.page_customer_id() == ana.id
    assert said[-1].startswith("Today does not list this follow-up")
