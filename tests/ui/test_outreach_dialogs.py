"""Partners, the value-add library and declining a request, through their dialogs and menus."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.dto.customers import CustomerInput
from app.dto.outreach import PartnerInput
from ui.dialogs.decline_dialog import DeclineDialog
from ui.dialogs.library_dialog import LibraryDialog
from ui.dialogs.partners_dialog import PartnersDialog
from ui.main_window import MainWindow

D = dt.date
DialogDriver = Callable[[Callable[[QDialog], None]], None]


def test_partner_directory_adds_and_edits_partners(qtbot: QtBot, context: AppContext) -> None:
    dialog = PartnersDialog(context.partners)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no name yet
    assert dialog.error.isVisible() and context.partners.find() == []
    qtbot.keyClicks(dialog.name, "Lea <i>Lessor</i>")
    qtbot.keyClicks(dialog.covers, "leasing, insurance")
    dialog.trusted.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [lea] = context.partners.find()
    assert (lea.name, lea.covers, lea.trusted) == (
        "Lea <i>Lessor</i>",
        ("leasing", "insurance"),
        True,
    )
    assert dialog.rows.item(0).text() == "★ Lea <i>Lessor</i> — leasing, insurance"
    assert dialog.current_id == lea.id
    dialog.trusted.setChecked(False)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not context.partners.get(lea.id).trusted and len(context.partners.find()) == 1
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.name.text() == "" and dialog.current_id is None


def test_library_dialog_refuses_unsafe_links_and_saves_items(
    qtbot: QtBot, context: AppContext
) -> None:
    dialog = LibraryDialog(context.library, D(2026, 11, 23))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.title, "Award for the X200")
    qtbot.keyClicks(dialog.url, "javascript:alert(1)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "web address" in dialog.error.text() and context.library.find() == []
    dialog.url.setText("https://x.example/award")
    qtbot.keyClicks(dialog.tags, "Forklifts, Safety")
    dialog.expires.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [item] = context.library.find()
    assert item.tags == ("forklifts", "safety") and item.expires_on == D(2027, 2, 21)
    assert dialog.rows.count() == 1 and not dialog.error.isVisible()


def test_decline_dialog_suggests_trusted_partners_and_plans_the_come_back(
    qtbot: QtBot, context: AppContext
) -> None:
    ana = context.customers.add(CustomerInput(name="Ana Silva"))
    lea = context.partners.add(PartnerInput("Lea", covers="fleet leasing", trusted=True))
    context.partners.add(PartnerInput("Ulf", covers="leasing"))
    today = context.agenda.today_date()
    dialog = DeclineDialog(context.declines, context.partners, today, (ana.id, ana.name))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.summary, "Lease 3 trucks")
    dialog.reason.setCurrentIndex(dialog.reason.findData("no_capacity"))
    qtbot.keyClicks(dialog.source, "Trade fair")
    qtbot.keyClicks(dialog.field, "leasing")
    assert [dialog.partner.itemText(n) for n in range(dialog.partner.count())] == [
        "No referral", "Lea (fleet leasing)"
    ]  # fmt: skip
    assert dialog.partner.currentData() == lea.id
    dialog.come_back.setChecked(True)
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [decline] = context.declines.find()
    assert (decline.partner_name, decline.source, decline.reason) == (
        "Lea",
        "Trade fair",
        "no_capacity",
    )
    assert (
        decline.touchpoint is not None and decline.touchpoint.subject == "Come back: Lease 3 trucks"
    )


def test_decline_without_a_customer_cannot_plan_a_come_back(
    qtbot: QtBot, context: AppContext
) -> None:
    dialog = DeclineDialog(context.declines, context.partners, context.agenda.today_date())
    qtbot.addWidget(dialog)
    assert not dialog.come_back.isEnabled()
    qtbot.keyClicks(dialog.summary, "Crane hire")
    dialog.accept()
    assert [d.summary for d in context.declines.find()] == ["Crane hire"]


def test_go_menu_opens_partners_and_library(
    qtbot: QtBot, window: MainWindow, on_next_dialog: DialogDriver
) -> None:
    texts = [action.text() for action in window.outreach.actions()]
    assert texts == ["&Partners…", "Value-add &library…", "&Decline a request…"]
    assert all(action.isEnabled() for action in window.outreach.actions())
    go_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Go")
    assert isinstance(go_menu, QWidget)
    assert set(texts) <= {action.text() for action in go_menu.actions()}
    seen: list[str] = []

    def close(dialog: QDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.reject()

    on_next_dialog(close)
    window.outreach.partners.trigger()
    on_next_dialog(close)
    window.outreach.library.trigger()
    assert seen == ["Partners", "Value-add library"]


def test_settings_hold_response_time_working_hours_and_the_compensation_inputs(
    qtbot: QtBot, context: AppContext
) -> None:
    from ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    inputs = dialog.fields.inputs
    dialog.tabs.setCurrentIndex(3)
    inputs["work_start"].setTime(QTime(8, 30))  # type: ignore[attr-defined]
    inputs["work_end"].setTime(QTime(8, 0))  # type: ignore[attr-defined]
    inputs["marketing_budget"].setValue(5000)  # type: ignore[attr-defined]
    inputs["customers_won"].setValue(50)  # type: ignore[attr-defined]
    dialog.accept()
    assert dialog.isVisible() and "must end after" in dialog.fields.errors["work_end"].text()
    assert context.settings.get().marketing_budget == 0  # nothing written
    inputs["work_end"].setTime(QTime(16, 30))  # type: ignore[attr-defined]
    dialog.accept()
    # Working hours are a calendar rule: saving them re-plans, on a worker.
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    prefs = context.settings.get()
    assert (prefs.work_start, prefs.work_end) == (dt.time(8, 30), dt.time(16, 30))
    assert (prefs.marketing_budget, prefs.customers_won, prefs.response_hours) == (5000, 50, 4)
