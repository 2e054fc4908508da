"""File → Import sales…: which customer each past deal goes to, rows left out; then import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.dto.sales_import import SalesImportResult, SalesPreview
from app.progress import Progress
from ui.background import BackgroundTask, run_in_background
from ui.dialogs.import_flow import pick_file, preview_then_import
from ui.item_models.deal_table import DealTable
from ui.item_models.import_tables import ErrorTable
from ui.texts import fill


class SalesImportDialog(QDialog):
    """The preview of a deal file; Import records every listed sale in one go."""

    imported = Signal(object)

    def __init__(self, context: AppContext, preview: SalesPreview, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._context = context
        self.preview = preview
        self.task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Import sales"))
        self.resize(760, 480)
        self.summary = QLabel(summary_text(preview))
        self.summary.setObjectName("salesImportSummary")
        self.summary.setWordWrap(True)
        self.deal_model = DealTable(preview.deals)
        self.error_model = ErrorTable(preview.errors)
        tabs = QTabWidget()
        for model, title in (
            (self.deal_model, fill(self.tr("Sales (%1)"), f"{len(preview.deals):,}")),
            (self.error_model, fill(self.tr("Cannot be read (%1)"), f"{len(preview.errors):,}")),
        ):
            view = QTableView()
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
            tabs.addTab(view, title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            fill(self.tr("Import %1 sales"), f"{len(preview.deals):,}"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_button.setObjectName("importSales")
        self.import_button.setEnabled(bool(preview.deals))
        buttons.accepted.connect(self._import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)

    def _import(self) -> None:
        path = self.preview.path

        def work(progress: Progress) -> SalesImportResult:
            return self._context.sales_import.run(path, progress)

        self.import_button.setEnabled(False)
        self.task = run_in_background(
            work, self.tr("Importing sales"), self, self._done, self._failed, self._cancelled
        )

    def _done(self, result: SalesImportResult) -> None:
        self.task = None
        self.imported.emit(result)
        self.accept()

    def _failed(self, message: str, _known: bool) -> None:
        self.task = None
        self.import_button.setEnabled(True)
        QMessageBox.warning(
            self, self.tr("Import sales"), fill(self.tr("Nothing was imported: %1"), message)
        )

    def _cancelled(self) -> None:
        self.task = None
        self.import_button.setEnabled(True)


def summary_text(preview: SalesPreview) -> str:
    """What the file holds, in the salesperson's words."""
    deals = len(preview.deals)
    parts = [
        f"{preview.layout}: {deals:,} sales, {deals - _new_rows(preview):,} for customers you "
        f"have and {preview.new_customers:,} new customers."
    ]
    if preview.open_deals:
        parts.append(f"Deals still open, left out: {preview.open_deals:,}.")
    if preview.errors:
        parts.append(f"Rows that cannot be read: {len(preview.errors):,} (see the list).")
    parts.append(
        "Each sale's plan starts on its close day; follow-ups whose day has passed are "
        "not scheduled. A backup is taken first."
    )
    return " ".join(parts)


def _new_rows(preview: SalesPreview) -> int:
    return sum(deal.customer_id is None for deal in preview.deals)


def result_text(result: SalesImportResult) -> str:
    return (
        f"Imported {result.sales:,} sales ({result.new_customers:,} new customers): "
        f"{result.touchpoints:,} follow-ups planned, {result.in_the_past:,} not scheduled "
        "(in the past)."
    )


def choose_sales_file(context: AppContext, parent: QWidget) -> None:
    """Pick a deal file, read it in the background, show the preview."""
    kinds = parent.tr("Deals (*.csv *.txt);;All files (*)")
    path = pick_file(parent, parent.tr("Import sales"), kinds)
    if path is not None:
        open_sales_import(context, path, parent)


def open_sales_import(context: AppContext, path: Path, parent: QWidget) -> BackgroundTask:
    return preview_then_import(
        lambda: context.sales_import.preview(path),
        lambda preview: SalesImportDialog(context, preview, parent),
        result_text,
        parent.tr("Import sales"),
        parent,
    )
