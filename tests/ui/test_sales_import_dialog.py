"""File → Import sales…: the preview names each deal's customer; Import records them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.dto.customers import CustomerInput
from ui.dialogs.sales_columns import SalesColumnsDialog
from ui.dialogs.sales_import_dialog import SalesImportDialog, open_sales_import

DEALS = (
    "Deal - Title,Deal - Status,Deal - Won time,Deal - Lost time,Deal - Value,Person - Name,"
    "Person - Email,Organization - Name\r\n"
    "Two forklifts,won,2026-11-10 10:00,,12500,Ana Silva,ana@acme.example,Acme\r\n"
    "Racks,lost,,2026-11-12 09:00,900,Ben Ortiz,ben@ortiz.example,\r\n"
    "Parts,open,,,50,Cleo Park,,\r\n"
    "Spares,won,yesterday,,50,Dan Wu,,\r\n"
)


def test_preview_then_import(
    qtbot: QtBot, qtmodeltester: ModelTester, context: AppContext, tmp_path: Path
) -> None:
    context.customers.add(CustomerInput(name="Ana Silva", email="ana@acme.example"))
    path = tmp_path / "deals.csv"
    path.write_text(DEALS, encoding="utf-8")
    dialog = SalesImportDialog(context, context.sales_import.preview(path), None)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.deal_model)
    text = dialog.summary.text()
    assert text.startswith("Pipedrive deals: 2 sales, 1 for customers you have and 1 new")
    assert "Deals still open, left out: 1." in text and "cannot be read: 1 (see" in text
    customers = [dialog.deal_model.index(row, 1).data() for row in range(2)]
    assert customers == ["Ana Silva", "Ben Ortiz (new)"]
    assert dialog.error_model.index(0, 0).data() == 5
    assert dialog.import_button.text() == "Import 2 sales"
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as signal:
        dialog.import_button.click()
    result = signal.args[0]
    assert (result.sales, result.new_customers) == (2, 1)
    assert context.customers.count() == 2


ORDERS = (
    "Kundennr;Ansprechpartner;Gebucht am;Artikel\r\n"
    "K-1;Ana Silva;2026-11-18;Forklift\r\nK-2;Ben Ortiz;2026-11-19;Racks\r\n"
)


def test_a_file_of_unknown_columns_asks_for_them_then_imports(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS, encoding="utf-8")
    asked: list[SalesColumnsDialog] = []
    shown: list[SalesImportDialog] = []

    def answer(dialog: QDialog) -> bool:
        if isinstance(dialog, SalesColumnsDialog):
            asked.append(dialog)
            assert (
                "no column holds the close date"
                in dialog.findChild(QLabel, "salesColumnsAbout").text().casefold()
            )
            boxes = dialog.mapping.boxes
            assert list(boxes)[:2] == ["closed_on", "name"]
            assert not dialog.ok_button.isEnabled()
            boxes["closed_on"].setCurrentIndex(boxes["closed_on"].findData("Gebucht am"))
            assert not dialog.ok_button.isEnabled()  # nothing names the customer yet
            boxes["name"].setCurrentIndex(boxes["name"].findData("Ansprechpartner"))
            assert dialog.ok_button.isEnabled()
            boxes["description"].setCurrentIndex(boxes["description"].findData("Artikel"))
            dialog.accept()
            return True
        assert isinstance(dialog, SalesImportDialog)
        shown.append(dialog)
        return False

    monkeypatch.setattr("ui.dialogs.sales_import_dialog.run_and_release", answer)
    monkeypatch.setattr("ui.dialogs.import_flow.run_and_release", answer)
    parent = QWidget()
    qtbot.addWidget(parent)
    task = open_sales_import(context, path, parent)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert task is not None and len(asked) == 1
    preview = shown[0].preview
    assert [(d.customer, d.description) for d in preview.deals] == [
        ("Ana Silva (new)", "Forklift"), ("Ben Ortiz (new)", "Racks"),
    ]  # fmt: skip
    assert preview.layout == "CSV (your columns)"
    dialog = shown[0]
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as signal:
        dialog.import_button.click()
    assert signal.args[0].sales == 2 and context.customers.count() == 2


def test_a_recognised_files_columns_can_be_changed(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "deals.csv"
    path.write_text(DEALS, encoding="utf-8")
    shown: list[SalesImportDialog] = []

    def answer(dialog: QDialog) -> bool:
        if isinstance(dialog, SalesColumnsDialog):
            # The columns read so far are offered; the salesperson picks another description.
            box = dialog.mapping.boxes["description"]
            assert box.currentData() == "Deal - Title"
            box.setCurrentIndex(box.findData("Organization - Name"))
            dialog.accept()
            return True
        shown.append(dialog)  # type: ignore[arg-type]
        return False

    monkeypatch.setattr("ui.dialogs.sales_import_dialog.run_and_release", answer)
    monkeypatch.setattr("ui.dialogs.import_flow.run_and_release", answer)
    parent = QWidget()
    qtbot.addWidget(parent)
    first = SalesImportDialog(context, context.sales_import.preview(path), parent)
    qtbot.addWidget(first)
    first.columns_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert first.result() == QDialog.DialogCode.Rejected
    again = shown[0].preview
    assert again.layout == "CSV (your columns)"
    assert [deal.description for deal in again.deals] == ["Acme", ""]
