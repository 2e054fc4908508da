"""The export dialog writes the chosen follow-ups and says where they went."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import icalendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerInput
from app.dto.sales import SaleInput
from ui.dialogs.export_dialog import ExportDialog


def test_export_selected_kinds_without_message_text(
    qtbot: QtBot,
    context: AppContext,
    clock: FixedClock,
    tmp_path: Path,
    on_next_dialog: Callable[[Callable[[QDialog], None]], None],
) -> None:
    clock.set(dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC))
    context.settings.set_many({"timezone": "Europe/Berlin"})
    ana = context.customers.add(CustomerInput(name="Ana Silva", email="ana@acme.example"))
    context.sales.record(
        SaleInput(ana.id, dt.date(2026, 11, 20), "won", promised_delivery=dt.date(2026, 12, 5))
    )
    dialog = ExportDialog(context, (ana.id, "Ana Silva"), folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.only_customer.setChecked(True)
    dialog.all_dates.setChecked(True)
    dialog.details.setChecked(False)
    for row in range(dialog.kinds.count()):
        item = dialog.kinds.item(row)
        if item.data(Qt.ItemDataRole.UserRole) != "thank_you":
            item.setCheckState(Qt.CheckState.Unchecked)
    seen: list[str] = []

    def close_report(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    on_next_dialog(close_report)
    dialog.show()
    dialog.accept()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "1 event written" in seen[0]
    calendar = icalendar.Calendar.from_ical((tmp_path / "follow-ups.ics").read_bytes())
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("Thank-you note — Ana Silva")
    assert "Dear" not in str(event["DESCRIPTION"])
