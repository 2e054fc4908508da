"""Driving the settings dialog like a user: calendar changes re-plan, bad input stays put."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

import models.db
from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.sales import SaleInput
from app.dto.touchpoints import TouchpointDTO
from ui.dialogs.settings_dialog import SettingsDialog

FRIDAY = 4
# Typing into the time-zone and holiday fields opens their completion popup, which the
# offscreen platform cannot raise or give the keyboard to: a limit of the platform, not ours.
popup_on_offscreen = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


@pytest.fixture
def ana(context: AppContext) -> CustomerDTO:
    context.settings.set_many(
        {"timezone": "Europe/Berlin", "working_days": "mon,tue,wed,thu,fri", "min_gap_days": "2"}
    )
    return context.customers.add(
        CustomerInput(name="Ana Silva", company="Acme", email="ana@acme.example", channel="email")
    )


@pytest.fixture
def sale(context: AppContext, ana: CustomerDTO) -> tuple[TouchpointDTO, ...]:
    result = context.sales.record(
        SaleInput(
            customer_id=ana.id,
            closed_on=dt.date(2026, 11, 23),  # a Monday, today
            outcome="won",
            description="Two forklifts",
            promised_delivery=dt.date(2026, 11, 26),  # a Thursday
        )
    )
    return result.touchpoints


@pytest.fixture
def dialog(qtbot: QtBot, context: AppContext) -> Iterator[SettingsDialog]:
    settings = SettingsDialog(context)
    qtbot.addWidget(settings)
    settings.show()
    qtbot.waitExposed(settings)
    yield settings
    settings.close()


def show_tab(qtbot: QtBot, dialog: SettingsDialog, index: int) -> None:
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.tabs.currentIndex() == index


def replace_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_working_days_and_gap_are_saved_and_a_touchpoint_on_a_new_day_off_moves(
    qtbot: QtBot, sale: tuple[TouchpointDTO, ...], dialog: SettingsDialog, context: AppContext
) -> None:
    on_friday = [item for item in sale if item.due_date.weekday() == FRIDAY]
    assert on_friday, [item.due_date for item in sale]
    show_tab(qtbot, dialog, 1)
    friday = dialog.working_days[FRIDAY]
    qtbot.mouseClick(friday, Qt.MouseButton.LeftButton)
    assert not friday.isChecked()
    replace_text(qtbot, dialog.min_gap_days, "3")
    qtbot.keyClick(dialog.min_gap_days, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.isVisible(), timeout=10000)
    assert dialog.report is not None
    assert dialog.moved is not None and dialog.moved >= len(on_friday)
    assert f"{dialog.moved} planned touchpoint" in dialog.report.text()
    prefs = context.settings.get()
    assert (prefs.working_days, prefs.min_gap_days) == ((0, 1, 2, 3), 3)
    for item in on_friday:
        moved = context.touchpoints.get(item.id)
        assert moved.due_date != item.due_date and moved.due_date.weekday() != FRIDAY
    qtbot.keyClick(dialog.report, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "moved" in dialog.summary()


@popup_on_offscreen
def test_invalid_time_zone_is_shown_inline_and_the_dialog_stays_open(
    qtbot: QtBot, dialog: SettingsDialog, context: AppContext
) -> None:
    before = context.settings.get()
    show_tab(qtbot, dialog, 1)
    replace_text(qtbot, dialog.timezone, "Mars/Olympus_Mons")
    for box in dialog.working_days:
        if box.isChecked():
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.timezone, Qt.Key.Key_Return)

    assert dialog.isVisible() and dialog.task is None
    zone_error = dialog.findChild(QLabel, "error_timezone")
    days_error = dialog.findChild(QLabel, "error_working_days")
    assert zone_error is not None and zone_error.isVisible()
    assert "Unknown time zone 'Mars/Olympus_Mons'" in zone_error.text()
    assert days_error is not None and days_error.isVisible()
    assert dialog.timezone.hasFocus() or dialog.timezone.lineEdit().hasFocus()
    assert context.settings.get() == before

    replace_text(qtbot, dialog.timezone, "Europe/Lisbon")
    qtbot.mouseClick(dialog.working_days[0], Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.timezone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.isVisible(), timeout=10000)
    assert context.settings.get().timezone == "Europe/Lisbon"
    assert context.settings.get().working_days == (0,)
    assert not zone_error.isVisible()


def test_escape_cancels_without_saving(
    qtbot: QtBot, dialog: SettingsDialog, context: AppContext
) -> None:
    qtbot.keyClicks(dialog.my_name, "Nobody")
    qtbot.keyClick(dialog.my_name, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert context.settings.get().my_name == ""


def test_profile_signs_the_drafts_afterwards(
    qtbot: QtBot, sale: tuple[TouchpointDTO, ...], dialog: SettingsDialog, context: AppContext
) -> None:
    assert dialog.my_name.hasFocus()
    qtbot.keyClicks(dialog.my_name, "Sam Seller")
    for text in ("Account Manager", "Forklift World", "+49 89 123456", "+49 170 555"):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), text)
    assert dialog.my_mobile.text() == "+49 170 555"
    qtbot.keyClicks(dialog.my_email, "sam@forklift.example")
    qtbot.keyClick(dialog.my_email, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.moved is None and dialog.summary() == "Settings saved."

    thank_you = next(item for item in sale if item.kind == "thank_you")
    body = context.drafts.draft(thank_you.id).body
    assert body.endswith("Sam Seller\nAccount Manager, Forklift World")
    assert "Phone: +49 89 123456\nMobile: +49 170 555\nE-mail: sam@forklift.example" in body


@popup_on_offscreen
def test_holiday_region_and_cadences_are_offered_and_saved(
    qtbot: QtBot, dialog: SettingsDialog, context: AppContext
) -> None:
    assert dialog.holiday_country.currentText() == "none"
    assert dialog.holiday_country.findText("DE-BY") > 0
    assert dialog.timezone.findText("Europe/Berlin") >= 0
    show_tab(qtbot, dialog, 2)
    replace_text(qtbot, dialog.key_cadence_days, "21")
    replace_text(qtbot, dialog.currency, "usd")
    show_tab(qtbot, dialog, 1)
    replace_text(qtbot, dialog.holiday_country, "DE-BY")
    replace_text(qtbot, dialog.days_off, "2026-12-24, 2026-12-31")
    qtbot.keyClick(dialog.days_off, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.isVisible(), timeout=10000)
    prefs = context.settings.get()
    assert (prefs.key_cadence_days, prefs.currency, prefs.holiday_country) == (21, "USD", "DE-BY")
    assert prefs.days_off == (dt.date(2026, 12, 24), dt.date(2026, 12, 31))
    assert dialog.moved == 0 and "No planned touchpoint had to move" in dialog.summary()


def test_bad_days_off_point_at_the_field_on_its_tab(
    qtbot: QtBot, dialog: SettingsDialog, context: AppContext
) -> None:
    show_tab(qtbot, dialog, 1)
    replace_text(qtbot, dialog.days_off, "24.12.2026")
    show_tab(qtbot, dialog, 0)
    qtbot.keyClick(dialog.my_name, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.tabs.currentIndex() == 1
    assert dialog.days_off.hasFocus()
    error = dialog.findChild(QLabel, "error_days_off")
    assert error is not None and "YYYY-MM-DD" in error.text()
    assert context.settings.get().days_off == ()


@pytest.mark.slow
def test_a_save_while_another_task_holds_the_database_says_busy_and_keeps_the_dialog(
    qtbot: QtBot,
    sale: tuple[TouchpointDTO, ...],
    dialog: SettingsDialog,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(models.db, "BUSY_TIMEOUT_MS", 300)
    context.engine.dispose()  # new connections take the short timeout
    holder = sqlite3.connect(context.db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # an import in another window, say
    try:
        show_tab(qtbot, dialog, 1)
        qtbot.mouseClick(dialog.working_days[FRIDAY], Qt.MouseButton.LeftButton)
        qtbot.keyClick(dialog.min_gap_days, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.task is None and dialog.error.isVisible(), timeout=10000)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "Nothing was saved. The planner is busy with another task (import running?)" in (
        dialog.error.text()
    )
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    assert context.settings.get().working_days == (0, 1, 2, 3, 4)


def test_the_calendar_sync_page_takes_the_reach_and_the_client_ids(
    qtbot: QtBot, dialog: SettingsDialog, context: AppContext
) -> None:
    show_tab(qtbot, dialog, 4)
    months, google, microsoft = (
        dialog.fields.inputs[key]
        for key in ("calendar_months", "google_client_id", "microsoft_client_id")
    )
    replace_text(qtbot, months, "9")
    replace_text(qtbot, google, "1234-abc.apps.googleusercontent.com")
    replace_text(qtbot, microsoft, "bad id with spaces")
    qtbot.keyClick(google, Qt.Key.Key_Return)
    error = dialog.findChild(QLabel, "error_microsoft_client_id")
    assert dialog.isVisible() and error is not None and "OAuth client ID" in error.text()
    replace_text(qtbot, microsoft, "00000000-0000-4000-8000-00000000c11e")
    qtbot.keyClick(google, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible() or dialog.report is not None, timeout=10000)
    prefs = context.settings.get()
    assert (prefs.calendar_months, prefs.google_client_id) == (
        9, "1234-abc.apps.googleusercontent.com")  # fmt: skip
    assert prefs.microsoft_client_id == "00000000-0000-4000-8000-00000000c11e"
