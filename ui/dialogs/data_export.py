"""File → Export…: customers, touchpoints or interactions as CSV, contacts as vCard, all as JSON."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.context import AppContext
from app.progress import Progress
from ui.background import BackgroundTask, run_in_background

KINDS = (
    ("Customers (CSV for Excel) (*.csv)", "customers"),
    ("Follow-ups (CSV) (*.csv)", "touchpoints"),
    ("Contact history (CSV) (*.csv)", "interactions"),
    ("Contacts (vCard 3.0) (*.vcf)", "vcard"),
    ("Everything (JSON, to move to another computer) (*.json)", "json"),
)


def export_data(context: AppContext, parent: QWidget) -> BackgroundTask | None:
    """Ask for the kind and the file, then write it in the background."""
    filters = ";;".join(parent.tr(label) for label, _ in KINDS)
    name, chosen = QFileDialog.getSaveFileName(parent, parent.tr("Export"), "customers", filters)
    if not name:
        return None
    kind = next((key for label, key in KINDS if parent.tr(label) == chosen), "customers")
    return run_export(context, kind, Path(name), parent)


def run_export(context: AppContext, kind: str, path: Path, parent: QWidget) -> BackgroundTask:
    def work(progress: Progress) -> str:
        if kind == "vcard":
            result = context.data_export.export_vcard(path)
            return f"{result.count:,} contacts written to {result.file}"
        if kind == "json":
            counts, target = context.full_export.export_json(path, progress)
            return f"{sum(counts.values()):,} records written to {target}"
        written = context.data_export.export_csv(kind, path)
        return f"{written.count:,} rows written to {written.file}"

    def done(message: str) -> None:
        status = getattr(parent, "statusBar", None)
        if callable(status):
            status().showMessage(message, 10_000)

    def failed(message: str, _known: bool) -> None:
        QMessageBox.warning(parent, parent.tr("Export"), message)

    return run_in_background(work, parent.tr("Exporting"), parent, done, failed)
