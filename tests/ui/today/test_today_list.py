"""Today screen: the agenda list, done, snooze and skip, driven like a user."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app.context import AppContext
from tests.ui.today.support import (
    CTRL_SHIFT,
    D,
    DialogDriver,
    People,
    column,
    customers,
    day_label,
    press,
    select,
    selected_name,
)
from ui.controllers.today_controller import TodayController
from ui.dialogs.done_dialog import DoneDialog
from ui.dialogs.skip_dialog import SkipDialog
from ui.dialogs.snooze_dialog import SnoozeDialog
from ui.item_models.agenda_table import (
    COL_CUSTOMER,
    COL_DUE,
    COL_KIND,
    COL_SUBJECT,
    COL_WHEN,
)


def test_overdue_first_then_today_tomorrow_and_the_week(screen: TodayController) -> None:
    assert customers(screen) == [
        "Ana Silva",
        "Eve Adams",
        "Ben Okafor",
        "Dora Lind",
        "Cleo <b>Park</b>",
        "Ana Silva",
    ]
    assert column(screen, COL_WHEN) == [
        "Overdue · 4 days",
        "Overdue · 1 day",
        "Today",
        "Tomorrow",
        day_label(D(2026, 11, 23)),
        day_label(D(2026, 11, 24)),
    ]
    assert column(screen, COL_KIND)[-1] == "Delivery check call"
    # The delivery call is at 10:00 Berlin time (09:00 UTC).
    assert column(screen, COL_DUE)[-1].endswith("10:00")
    model = screen.model
    assert isinstance(model.index(0, COL_WHEN).data(Qt.ItemDataRole.ForegroundRole), QBrush)
    assert model.index(2, COL_WHEN).data(Qt.ItemDataRole.ForegroundRole) is None
    today_font = model.index(2, COL_CUSTOMER).data(Qt.ItemDataRole.FontRole)
    assert isinstance(today_font, QFont) and today_font.bold()
    assert "2 follow-ups overdue" in screen.view.summary.text()
    assert screen.view.pages.currentIndex() == 0
    assert selected_name(screen) == "Ana Silva"  # the oldest late one, ready to act on


def test_subjects_are_rendered_for_the_rows_on_screen(
    qtbot: QtBot, screen: TodayController, planner: AppContext
) -> None:
    expected = [
        planner.drafts.draft(screen.model.touchpoint_at(row).id).subject  # type: ignore[union-attr]
        for row in range(screen.model.rowCount())
    ]
    qtbot.waitUntil(lambda: column(screen, COL_SUBJECT) == expected, timeout=3000)
    assert all(expected)


def test_done_with_a_note_by_shortcut_logs_the_contact(
    qtbot: QtBot,
    screen: TodayController,
    planner: AppContext,
    people: People,
    on_next_dialog: DialogDriver,
) -> None:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, DoneDialog)
        assert dialog.channel.currentData() == "email"  # the planned channel by default
        qtbot.keyClicks(dialog.note, "Called instead, all good")
        dialog.channel.setCurrentIndex(dialog.channel.findData("phone"))
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    late = screen.selected()
    assert late is not None and late.customer_id == people.ana.id
    on_next_dialog(act)
    with (
        qtbot.waitSignal(screen.overdue_changed) as overdue,
        qtbot.waitSignal(screen.status) as status,
    ):
        press(qtbot, screen, Qt.Key.Key_D)
    assert overdue.args == [1]
    assert status.args == ["Marked done: Thank-you note — Ana Silva (Acme)"]
    assert customers(screen)[:2] == ["Eve Adams", "Ben Okafor"]
    assert selected_name(screen) == "Eve Adams"  # the next one moved up into place
    logged = planner.interactions.of_customer(people.ana.id)
    assert [(item.channel, item.summary) for item in logged] == [
        ("phone", "Thank-you note: Called instead, all good")
    ]
    assert planner.touchpoints.get(late.id).status == "done"
    assert "1 follow-up overdue" in screen.view.summary.text()


def test_escape_cancels_and_double_click_opens_the_customer_never_done(
    qtbot: QtBot, screen: TodayController, planner: AppContext, on_next_dialog: DialogDriver
) -> None:
    seen: list[str] = []

    def cancel(dialog: QDialog) -> None:
        seen.append(type(dialog).__name__)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)

    on_next_dialog(cancel)
    press(qtbot, screen, Qt.Key.Key_D)
    assert seen == ["DoneDialog"]
    table = screen.view.table
    rect = table.visualRect(screen.model.index(1, COL_CUSTOMER))
    wanted: list[int] = []
    screen.customer_wanted.connect(wanted.append)
    # A real double-click: the first click, then the double-click event.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.wait(50)  # a dialog, had one opened, would be up by now
    assert QApplication.activeModalWidget() is None and seen == ["DoneDialog"]
    row = screen.selected()  # the row double-clicked
    assert row is not None and wanted == [row.customer_id]
    assert len(customers(screen)) == 6
    assert planner.interactions.of_customer(row.customer_id) == []
    assert planner.touchpoints.get(row.id).status == "planned"


def test_snooze_to_next_working_day_moves_the_row(
    qtbot: QtBot, screen: TodayController, planner: AppContext, people: People
) -> None:
    select(screen, "Ben Okafor")
    ben = screen.selected()
    assert ben is not None
    with qtbot.waitSignal(screen.status) as status:
        press(qtbot, screen, Qt.Key.Key_1)
    assert planner.touchpoints.get(ben.id).due_date == D(2026, 11, 23)  # Friday -> Monday
    assert status.args == [f"Snoozed to {day_label(D(2026, 11, 23))}: {ben.title}"]
    assert customers(screen) == [
        "Ana Silva",
        "Eve Adams",
        "Dora Lind",
        "Ben Okafor",
        "Cleo <b>Park</b>",
        "Ana Silva",
    ]
    assert selected_name(screen) == "Dora Lind"
    # The other shortcut for the same action, on an upcoming item: never earlier than planned.
    press(qtbot, screen, Qt.Key.Key_S, CTRL_SHIFT)
    dora = planner.agenda.touchpoints(customer_id=people.dora.id)[0]
    assert dora.due_date == D(2026, 11, 23)  # Saturday's item -> the Monday after


def test_snooze_three_days_and_the_menu(
    qtbot: QtBot, screen: TodayController, planner: AppContext, people: People
) -> None:
    select(screen, "Eve Adams")
    press(qtbot, screen, Qt.Key.Key_3)
    eve = planner.agenda.touchpoints(customer_id=people.eve.id)[0]
    assert eve.due_date == D(2026, 11, 23)  # today + 3 = Monday
    assert customers(screen)[:4] == ["Ana Silva", "Ben Okafor", "Dora Lind", "Eve Adams"]
    assert selected_name(screen) == "Ben Okafor"
    menu = screen.view.snooze_button.menu()
    assert menu is screen.acts.snooze_menu
    texts = [action.text().replace("&", "") for action in menu.actions()]
    assert texts == [
        "Snooze to next working day",
        "Snooze 3 days",
        "Snooze a week",
        "Snooze until…",
        "",  # a separator, then the date kept as picked
        "Change date…",
    ]
    assert "Ctrl+3" in screen.acts.snooze_3.toolTip()


def test_snooze_until_a_picked_day_rolls_to_a_working_day(
    qtbot: QtBot,
    screen: TodayController,
    planner: AppContext,
    people: People,
    on_next_dialog: DialogDriver,
) -> None:
    def pick_sunday(dialog: QDialog) -> None:
        assert isinstance(dialog, SnoozeDialog)
        dialog.calendar.setSelectedDate(QDate(2026, 11, 22))
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)

    late = screen.selected()
    assert late is not None and late.customer_id == people.ana.id
    on_next_dialog(pick_sunday)
    press(qtbot, screen, Qt.Key.Key_D, CTRL_SHIFT)
    moved = planner.touchpoints.get(late.id)
    assert moved.due_date == D(2026, 11, 23) and moved.snoozed_from == D(2026, 11, 16)
    assert customers(screen)[:4] == ["Eve Adams", "Ben Okafor", "Dora Lind", "Ana Silva"]
    assert column(screen, COL_WHEN)[3] == day_label(D(2026, 11, 23))
    assert selected_name(screen) == "Eve Adams"


def test_skip_with_a_reason(
    qtbot: QtBot, screen: TodayController, planner: AppContext, on_next_dialog: DialogDriver
) -> None:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, SkipDialog)
        qtbot.keyClicks(dialog.reason, "Met her at the fair yesterday")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    select(screen, "Eve Adams")
    eve = screen.selected()
    assert eve is not None
    on_next_dialog(act)
    with qtbot.waitSignal(screen.overdue_changed) as overdue:
        press(qtbot, screen, Qt.Key.Key_K)
    assert overdue.args == [1]
    skipped = planner.touchpoints.get(eve.id)
    assert (skipped.status, skipped.skip_reason) == ("skipped", "Met her at the fair yesterday")
    assert "Eve Adams" not in customers(screen)
    assert selected_name(screen) == "Ben Okafor"
