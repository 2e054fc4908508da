"""File → Import sales…: the preview names each deal's customer; Import records them."""

from __future__ import annotations

from pathlib import Path

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.dto.customers import CustomerInput
from ui.dialogs.sales_import_dialog import SalesImportDialog

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
