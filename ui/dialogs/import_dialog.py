"""Import customers: what the file holds, merges to accept or refuse, errors, warnings; import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.dto.imports import DUPLICATE_CHOICES, ENCODINGS, ImportResult
from app.i18n import _
from app.progress import Progress
from app.services.importing import ImportPreview
from ui.background import BackgroundTask, run_in_background
from ui.dialogs.column_mapping import ColumnMapping
from ui.dialogs.import_flow import pick_file, preview_then_import
from ui.error_text import shown
from ui.item_models.import_tables import (
    CHOICE_COLUMN,
    CHOICE_LABELS,
    DuplicateTable,
    ErrorTable,
    WarningTable,
)
from ui.numbers import count_text


class _ChoiceDelegate(QStyledItemDelegate):
    """Accept or refuse a proposed merge (or skip the row) in words, storing the key."""

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:  # noqa: N802
        box = QComboBox(parent)
        for key in DUPLICATE_CHOICES:
            box.addItem(_(CHOICE_LABELS[key]), key)
        return box

    def setEditorData(self, editor: QWidget, index: Any) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ImportDialog(QDialog):
    """Built from a finished preview; importing runs in the background with cancel."""

    imported = Signal(object)

    def __init__(self, context: AppContext, preview: ImportPreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Import customers"))
        self.setMinimumSize(720, 520)
        self._context = context
        self.preview = preview
        self.outcome: ImportResult | None = None
        self.task: BackgroundTask | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.default_choice = QComboBox()
        for key in DUPLICATE_CHOICES:
            self.default_choice.addItem(_(CHOICE_LABELS[key]), key)
        self.duplicates = QTableView()
        self.duplicates.setItemDelegateForColumn(CHOICE_COLUMN, _ChoiceDelegate(self.duplicates))
        self.errors = QTableView()
        self.warnings = QTableView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.duplicates, "")
        self.tabs.addTab(self.warnings, "")
        self.tabs.addTab(self.errors, "")
        # The guess comes first; picking another reads the file again in that encoding.
        self.encoding = QComboBox()
        self.encoding.addItem(_("As guessed"), None)
        for codec, name in ENCODINGS:
            self.encoding.addItem(name, codec)
        self.encoding.activated.connect(self._reencode)
        self.mapping_box = QGroupBox(_("Columns"))
        self.mapping_layout = QVBoxLayout(self.mapping_box)
        self.mapping: ColumnMapping | None = None
        self.apply_mapping = QPushButton(_("Apply columns"))
        self.apply_mapping.clicked.connect(self._remap)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            _("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("Encoding:"), self.encoding)
        form.addRow(_("Proposed merges:"), self.default_choice)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.mapping_box)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.default_choice.currentIndexChanged.connect(self._default_changed)
        self._show(preview)

    def _show(self, preview: ImportPreview) -> None:
        self.preview = preview
        parsed, plan = preview.parsed, preview.plan
        # A list of what was found about the file, not a sentence: its items join with commas.
        details = [parsed.label, _("encoding {encoding}").format(encoding=parsed.encoding)]
        if parsed.separator:
            details.append(_("separated by {separator}").format(separator=parsed.separator))
        self.summary.setText(
            _(
                "<b>{file}</b> — {details}<br>{new} new, {duplicates} look like existing "
                "customers, {errors} with errors, {warnings} values kept in the notes."
            ).format(
                file=preview.path.name,
                details=", ".join(details),
                new=count_text(plan.new_count),
                duplicates=count_text(len(plan.duplicates)),
                errors=count_text(len(plan.errors)),
                warnings=count_text(len(plan.warnings)),
            )
        )
        self.duplicate_model = DuplicateTable(plan.duplicates, self._default())
        self.error_model = ErrorTable(plan.errors)
        self.warning_model = WarningTable(plan.warnings)
        self.duplicates.setModel(self.duplicate_model)
        self.errors.setModel(self.error_model)
        self.warnings.setModel(self.warning_model)
        self.tabs.setTabText(0, _("Proposed merges ({count})").format(count=len(plan.duplicates)))
        self.tabs.setTabText(1, _("Kept in the notes ({count})").format(count=len(plan.warnings)))
        self.tabs.setTabText(2, _("Rows with errors ({count})").format(count=len(plan.errors)))
        self.mapping_box.setVisible(parsed.format == "csv")
        if parsed.format == "csv" and self.mapping is None:
            self.mapping = ColumnMapping(parsed.headers, parsed.mapping)
            self.mapping_layout.addWidget(self.mapping)
            self.mapping_layout.addWidget(self.apply_mapping)
        self.import_button.setEnabled(bool(plan.new_count or plan.duplicates))

    def _default(self) -> str:
        return str(self.default_choice.currentData() or "skip")

    def _default_changed(self) -> None:
        self.duplicate_model.set_default(self._default())

    def _remap(self) -> None:
        if self.mapping is None:
            return
        self._again("csv", self.mapping.mapping())

    def _reencode(self) -> None:
        if self.preview.parsed.format == "csv" and self.mapping is not None:
            self._again("csv", self.mapping.mapping())
        else:
            self._again("auto", None)

    def _again(self, fmt: str, mapping: dict[str, Any] | None) -> None:
        """Read the file again with the chosen columns and encoding."""
        encoding = self.encoding.currentData()
        try:
            preview = self._context.importing.preview(self.preview.path, fmt, mapping, encoding)
        except Exception as exc:  # noqa: BLE001 - shown to the user; the dialog stays usable
            QMessageBox.warning(self, _("Import customers"), shown(exc))
            return
        self._show(preview)

    def _import(self) -> None:
        choices = dict(self.duplicate_model.choices)
        default = self._default()
        preview = self.preview

        def work(progress: Progress) -> ImportResult:
            return self._context.importing.run(preview, default, choices, progress)

        self.import_button.setEnabled(False)
        self.task = run_in_background(
            work, _("Importing customers"), self, self._done, self._failed, self._cancelled
        )

    def _done(self, result: ImportResult) -> None:
        self.task = None
        self.outcome = result
        self.imported.emit(result)
        self.accept()

    def _failed(self, message: str, _known: bool) -> None:
        self.task = None
        self.import_button.setEnabled(True)
        QMessageBox.warning(
            self, _("Import customers"),
            _("Nothing was imported: {reason}").format(reason=message),
        )  # fmt: skip

    def _cancelled(self) -> None:
        self.task = None
        self.import_button.setEnabled(True)


def import_summary(result: ImportResult) -> str:
    """'Imported: 3 added, 1 merged, 0 skipped.' (rows with errors named when there are any)."""
    counts = {
        "added": count_text(result.added),
        "merged": count_text(result.merged),
        "skipped": count_text(result.skipped),
        "errors": count_text(len(result.errors)),
    }
    if result.errors:
        return _(
            "Imported: {added} added, {merged} merged, {skipped} skipped, "
            "{errors} rows with errors."
        ).format(**counts)
    return _("Imported: {added} added, {merged} merged, {skipped} skipped.").format(**counts)


def choose_and_preview(context: AppContext, parent: QWidget) -> None:
    """File → Import customers…: pick a file, read it in the background, show the dialog."""
    kinds = _("Contacts (*.csv *.vcf *.vcard *.txt);;All files (*)")
    path = pick_file(parent, _("Import customers"), kinds)
    if path is not None:
        open_import(context, path, parent)


def open_import(context: AppContext, path: Path, parent: QWidget) -> BackgroundTask:
    return preview_then_import(
        lambda: context.importing.preview(path),
        lambda preview: ImportDialog(context, preview, parent),
        import_summary,
        _("Import customers"),
        parent,
    )
