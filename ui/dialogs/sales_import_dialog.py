"""File → Import sales…: which customer each past deal goes to, rows left out; then import."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
from app.errors import MissingColumns
from app.i18n import _, ngettext
from app.progress import Progress
from ui.background import BackgroundTask, run_in_background
from ui.dialogs.import_flow import pick_file, preview_then_import
from ui.dialogs.modal import run_and_release
from ui.dialogs.sales_columns import SalesColumnsDialog
from ui.item_models.deal_table import DealTable
from ui.item_models.import_tables import ErrorTable
from ui.numbers import count_text


class SalesImportDialog(QDialog):
    """The preview of a deal file; Import records every listed sale in one go."""

    imported = Signal(object)

    def __init__(self, context: AppContext, preview: SalesPreview, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._context = context
        self._owner = parent
        self.preview = preview
        self.task: BackgroundTask | None = None
        self.setWindowTitle(_("Import sales"))
        self.resize(760, 480)
        self.summary = QLabel(summary_text(preview))
        self.summary.setObjectName("salesImportSummary")
        self.summary.setWordWrap(True)
        self.deal_model = DealTable(preview.deals)
        self.error_model = ErrorTable(preview.errors)
        tabs = QTabWidget()
        for model, title in (
            (self.deal_model, _("Sales ({count})").format(count=count_text(len(preview.deals)))),
            (
                self.error_model,
                _("Cannot be read ({count})").format(count=count_text(len(preview.errors))),
            ),
        ):
            view = QTableView()
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
            tabs.addTab(view, title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        # Any file's columns can be chosen again: a guess can be wrong.
        self.columns_button = buttons.addButton(
            _("&Columns…"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.columns_button.setObjectName("salesColumns")
        self.columns_button.clicked.connect(self._choose_columns)
        self.import_button = buttons.addButton(
            ngettext("Import {count} sale", "Import {count} sales", len(preview.deals)).format(
                count=count_text(len(preview.deals))
            ),
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

    def _choose_columns(self) -> None:
        """Ask which column holds what, then read the file again by those columns."""
        preview = self.preview
        chosen = ask_columns(preview.headers, preview.mapping, "", self)
        if chosen is not None:
            self.reject()
            open_sales_import(self._context, preview.path, self._owner or self, chosen)

    def _import(self) -> None:
        path, columns = self.preview.path, self.preview.columns

        def work(progress: Progress) -> SalesImportResult:
            return self._context.sales_import.run(path, progress, columns)

        self.import_button.setEnabled(False)
        self.task = run_in_background(
            work, _("Importing sales"), self, self._done, self._failed, self._cancelled
        )

    def _done(self, result: SalesImportResult) -> None:
        self.task = None
        self.imported.emit(result)
        self.accept()

    def _failed(self, message: str, _known: bool) -> None:
        self.task = None
        self.import_button.setEnabled(True)
        reason = _("Nothing was imported: {reason}").format(reason=message)
        QMessageBox.warning(self, _("Import sales"), reason)

    def _cancelled(self) -> None:
        self.task = None
        self.import_button.setEnabled(True)


def summary_text(preview: SalesPreview) -> str:
    """What the file holds, in the salesperson's words."""
    deals = len(preview.deals)
    # Whole sentences, each translated alone; those that do not apply are left out.
    parts = [
        ngettext(
            "{layout}: {count} sale, {existing} for customers you have and {new} new customers.",
            "{layout}: {count} sales, {existing} for customers you have and {new} new customers.",
            deals,
        ).format(
            layout=preview.layout,
            count=count_text(deals),
            existing=count_text(deals - _new_rows(preview)),
            new=count_text(preview.new_customers),
        )
    ]
    if preview.open_deals:
        parts.append(
            _("Deals still open, left out: {count}.").format(count=count_text(preview.open_deals))
        )
    if preview.errors:
        parts.append(
            _("Rows that cannot be read: {count} (see the list).").format(
                count=count_text(len(preview.errors))
            )
        )
    parts.append(
        _(
            "Each sale's plan starts on its close day; follow-ups whose day has passed are "
            "not scheduled. A backup is taken first."
        )
    )
    return " ".join(parts)


def _new_rows(preview: SalesPreview) -> int:
    return sum(deal.customer_id is None for deal in preview.deals)


def result_text(result: SalesImportResult) -> str:
    """'Imported 3 sales (1 new customers): 9 follow-ups planned, 2 not scheduled (in the past).'"""
    return ngettext(
        "Imported {count} sale ({new} new customers): {planned} follow-ups planned, "
        "{past} not scheduled (in the past).",
        "Imported {count} sales ({new} new customers): {planned} follow-ups planned, "
        "{past} not scheduled (in the past).",
        result.sales,
    ).format(
        count=count_text(result.sales),
        new=count_text(result.new_customers),
        planned=count_text(result.touchpoints),
        past=count_text(result.in_the_past),
    )


def choose_sales_file(context: AppContext, parent: QWidget) -> None:
    """Pick a deal file, read it in the background, show the preview."""
    kinds = _("Deals (*.csv *.txt);;All files (*)")
    path = pick_file(parent, _("Import sales"), kinds)
    if path is not None:
        open_sales_import(context, path, parent)


def ask_columns(
    headers: Sequence[str], current: Mapping[str, Sequence[str]], problem: str, parent: QWidget
) -> dict[str, object] | None:
    """The columns the user chose for a deal file, or None when they cancelled."""
    dialog = SalesColumnsDialog(headers, current, problem, parent)
    return dialog.chosen if run_and_release(dialog) else None


def open_sales_import(
    context: AppContext, path: Path, parent: QWidget, columns: dict[str, object] | None = None
) -> BackgroundTask:
    """Read the file (by `columns`, if chosen) and show its preview; a file whose columns
    are not known asks for them, then reads it again."""

    def read() -> SalesPreview | MissingColumns:
        try:
            return context.sales_import.preview(path, columns)
        except MissingColumns as exc:
            return exc

    def dialog(found: SalesPreview | MissingColumns) -> QDialog | None:
        if isinstance(found, SalesPreview):
            return SalesImportDialog(context, found, parent)
        chosen = ask_columns(found.headers, found.guess, found.message, parent)
        if chosen is not None:
            open_sales_import(context, path, parent, chosen)
        return None

    return preview_then_import(read, dialog, result_text, _("Import sales"), parent)
