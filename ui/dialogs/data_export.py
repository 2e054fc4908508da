"""File → Export…: customers, touchpoints or interactions as CSV, contacts as vCard, all as JSON."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.context import AppContext
from app.i18n import N_, _, ngettext
from app.progress import Progress
from ui.background import BackgroundTask, run_in_background
from ui.numbers import count_text

KINDS = (
    (N_("Customers (CSV for Excel) (*.csv)"), "customers"),
    (N_("Follow-ups (CSV) (*.csv)"), "touchpoints"),
    (N_("Contact history (CSV) (*.csv)"), "interactions"),
    (N_("Contacts (vCard 3.0) (*.vcf)"), "vcard"),
    (N_("Everything (JSON, to move to another computer) (*.json)"), "json"),
)


def export_data(context: AppContext, parent: QWidget) -> BackgroundTask | None:
    """Ask for the kind and the file, then write it in the background."""
    filters = ";;".join(_(label) for label, _key in KINDS)
    name, chosen = QFileDialog.getSaveFileName(parent, _("Export"), _("customers"), filters)
    if not name:
        return None
    kind = next((key for label, key in KINDS if _(label) == chosen), "customers")
    return run_export(context, kind, Path(name), parent)


def run_export(context: AppContext, kind: str, path: Path, parent: QWidget) -> BackgroundTask:
    def work(progress: Progress) -> str:
        if kind == "vcard":
            result = context.data_export.export_vcard(path)
            return ngettext(
                "{count} contact written to {file}",
                "{count} contacts written to {file}",
                result.count,
            ).format(count=count_text(result.count), file=result.file)
        if kind == "json":
            counts, target = context.full_export.export_json(path, progress)
            total = sum(counts.values())
            return ngettext(
                "{count} record written to {file}",
                "{count} records written to {file}",
                total,
            ).format(count=count_text(total), file=target)
        written = context.data_export.export_csv(kind, path)
        return ngettext(
            "{count} row written to {file}",
            "{count} rows written to {file}",
            written.count,
        ).format(count=count_text(written.count), file=written.file)

    def done(message: str) -> None:
        status = getattr(parent, "statusBar", None)
        if callable(status):
            status().showMessage(message, 10_000)

    def failed(message: str, _known: bool) -> None:
        QMessageBox.warning(parent, _("Export"), message)

    return run_in_background(work, _("Exporting"), parent, done, failed)
