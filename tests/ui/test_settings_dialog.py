"""Driving the settings dialog like a user: calendar changes re-plan, bad input stays put."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QTimeEdit, QWidget
from pytestqt.qtbot import QtBot

import models.db
from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.sales import SaleInput
from app.dto.touchpoints import TouchpointDTO
from ui.dialogs.settings_dialog import SettingsDialog
from ui.dialogs.settings_fields import SearchableChoice

REGION_CODE = re.compile(r"[A-Z]{2}(-[A-Z0-9]+)?")

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
    assert f"{dialog.moved} planned follow-up" in dialog.report.text()
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
    assert zone_error.text() == (
        "No time zone matches 'Mars/Olympus_Mons'. Type a city, like Berlin, and pick it from "
        "the list."
    )
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


def completions(combo: SearchableChoice, typed: str, qtbot: QtBot) -> list[str]:
    line = combo.lineEdit()
    assert line is not None
    line.clear()
    qtbot.keyClicks(line, typed)
    completer = combo.completer()
    assert completer is not None
    model = completer.completionModel()
    return [str(model.index(row, 0).data()) for row in range(completer.completionCount())]


def pick(combo: SearchableChoice, typed: str, qtbot: QtBot) -> None:
    """Type part of a name and take the first entry the list offers, as Enter would."""
    found = completions(combo, typed, qtbot)
    assert found, typed
    line = combo.lineEdit()
    assert line is not None
    line.setText(found[0])


@popup_on_offscreen
def test_holidays_are_found_by_country_or_region_name_and_saved_as_codes(
    qtbot: QtBot, dialog: SettingsDialog, context: AppContext
) -> None:
    """Issue #16: 'Germany — Bavaria', found by typing 'bav'; never 'CV-SO, CV-SS, CW'."""
    show_tab(qtbot, dialog, 1)
    holidays = dialog.holiday_country
    assert holidays.currentText() == "No public holidays" and holidays.code() == ""
    labels = [holidays.itemText(row) for row in range(holidays.count())]
    assert "Germany" in labels and "United States — Texas" in labels
    assert not [label for label in labels if REGION_CODE.fullmatch(label)]
    assert completions(holidays, "bav", qtbot) == ["Germany — Bavaria"]
    assert "Germany — Bavaria" in completions(holidays, "GERMANY", qtbot)
    pick(holidays, "bav", qtbot)
    assert holidays.code() == "DE-BY"
    qtbot.keyClick(holidays, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.isVisible(), timeout=10000)
    assert context.settings.get().holiday_country == "DE-BY"
    # Emptied, or 'none' typed as the field used to take: no public holidays.
    for typed in ("", "none"):
        again = SettingsDialog(context)
        qtbot.addWidget(again)
        line = again.holiday_country.lineEdit()
        assert line is not None
        line.setText(typed)
        assert again.texts()["holiday_country"] == "none" and again._check()[1] == {}


@popup_on_offscreen
def test_time_zones_are_cities_with_their_offset_and_no_etc_entries(
    qtbot: QtBot, ana: CustomerDTO, dialog: SettingsDialog, context: AppContext
) -> None:
    zones = dialog.timezone
    labels = [zones.itemText(row) for row in range(zones.count())]
    assert zones.currentText() == "Berlin, Germany (UTC+01:00)"  # 23 November: winter time
    assert "Kolkata, India (UTC+05:30)" in labels
    assert "New York, United States (UTC-05:00)" in labels
    assert not [label for label in labels if "Etc/" in label or "GMT" in label]
    assert all(label.endswith(")") and "(UTC" in label for label in labels)
    show_tab(qtbot, dialog, 1)
    assert completions(zones, "lisb", qtbot) == ["Lisbon, Portugal (UTC+00:00)"]
    pick(zones, "lisb", qtbot)
    qtbot.keyClick(zones, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.isVisible(), timeout=10000)
    assert context.settings.get().timezone == "Europe/Lisbon"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("Asia/Calcutta", "Kolkata, India (UTC+05:30)"),
        ("Etc/UTC", "Coordinated Universal Time (UTC+00:00)"),
        ("UTC", "Coordinated Universal Time (UTC+00:00)"),
    ],
)
def test_an_older_spelling_of_the_zone_is_shown_by_its_city_and_kept_as_it_is(
    qtbot: QtBot, context: AppContext, stored: str, shown: str
) -> None:
    context.settings.set_many({"timezone": stored})
    settings = SettingsDialog(context)
    qtbot.addWidget(settings)
    assert settings.timezone.currentText() == shown
    assert settings.timezone.findText(shown) == settings.timezone.currentIndex()
    assert settings.texts()["timezone"] == stored
    settings.accept()  # nothing changed, so nothing is re-planned
    assert settings.task is None and settings.result() == QDialog.DialogCode.Accepted


def test_days_off_are_ranges_picked_with_dates_added_and_removed(
    qtbot: QtBot, sale: tuple[TouchpointDTO, ...], dialog: SettingsDialog, context: AppContext
) -> None:
    show_tab(qtbot, dialog, 1)
    editor = dialog.days_off
    assert not editor.list.isVisible() and editor.empty.isVisible()
    editor.first.setDate(QDate(2026, 12, 24))
    editor.last.setDate(QDate(2027, 1, 2))
    qtbot.mouseClick(editor.add, Qt.MouseButton.LeftButton)
    editor.first.setDate(QDate(2026, 11, 26))
    editor.last.setDate(QDate(2026, 11, 26))
    qtbot.mouseClick(editor.add, Qt.MouseButton.LeftButton)
    texts = [editor.list.item(row).text() for row in range(editor.list.count())]
    assert texts == ["26 Nov", "24 Dec 2026 – 2 Jan 2027"]
    editor.list.setCurrentRow(0)
    qtbot.mouseClick(editor.remove, Qt.MouseButton.LeftButton)
    assert [editor.list.item(row).text() for row in range(editor.list.count())] == [
        "24 Dec 2026 – 2 Jan 2027"
    ]
    editor.first.setDate(QDate(2027, 3, 1))
    editor.last.setDate(QDate(2028, 3, 1))
    qtbot.mouseClick(editor.add, Qt.MouseButton.LeftButton)
    error = dialog.findChild(QLabel, "error_days_off")
    assert error is not None and error.isVisible() and "367 days" in error.text()
    qtbot.keyClick(editor.first, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.isVisible(), timeout=10000)
    days = context.settings.get().days_off
    assert days[0] == dt.date(2026, 12, 24) and days[-1] == dt.date(2027, 1, 2) and len(days) == 10


@popup_on_offscreen
def test_currency_and_cadences_are_picked_and_saved(
    qtbot: QtBot, dialog: SettingsDialog, context: AppContext
) -> None:
    show_tab(qtbot, dialog, 2)
    assert dialog.currency.currentText() == "EUR — Euro"
    assert "USD — US Dollar" in completions(dialog.currency, "dollar", qtbot)
    replace_text(qtbot, dialog.key_cadence_days, "21")
    line = dialog.currency.lineEdit()
    assert line is not None
    line.setText("usd")  # a code typed as such counts as its entry
    qtbot.keyClick(dialog.key_cadence_days, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    prefs = context.settings.get()
    assert (prefs.key_cadence_days, prefs.currency) == (21, "USD")


def test_a_name_that_is_not_listed_is_pointed_out_on_its_tab(
    qtbot: QtBot, dialog: SettingsDialog, context: AppContext
) -> None:
    show_tab(qtbot, dialog, 1)
    line = dialog.holiday_country.lineEdit()
    assert line is not None
    line.setText("Atlantis")
    show_tab(qtbot, dialog, 0)
    qtbot.keyClick(dialog.my_name, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.tabs.currentIndex() == 1
    error = dialog.findChild(QLabel, "error_holiday_country")
    assert error is not None and error.text() == (
        "No country or region matches 'Atlantis'. Type its name and pick it from the list."
    )
    assert dialog.holiday_country.hasFocus() or line.hasFocus()
    assert context.settings.get().holiday_country is None


def test_working_hours_are_times_and_must_end_after_they_start(
    qtbot: QtBot, dialog: SettingsDialog, context: AppContext
) -> None:
    show_tab(qtbot, dialog, 3)
    start, end = dialog.fields.inputs["work_start"], dialog.fields.inputs["work_end"]
    assert isinstance(start, QTimeEdit) and isinstance(end, QTimeEdit)
    start.setTime(QTime(8, 30))
    end.setTime(QTime(8, 0))
    dialog.accept()
    error = dialog.findChild(QLabel, "error_work_end")
    assert error is not None and error.text() == "Working hours must end after they start."
    assert dialog.isVisible() and context.settings.get().work_start == dt.time(9)
    end.setTime(QTime(16, 30))
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.isVisible(), timeout=10000)
    prefs = context.settings.get()
    assert (prefs.work_start, prefs.work_end) == (dt.time(8, 30), dt.time(16, 30))


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
