"""Export to calendar: choose what goes into the .ics file, then write it in the background."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.dto.exports import IcsExportRequest, IcsExportResult
from app.i18n import _, ngettext
from app.kinds import KIND_LABELS
from app.paths import expand_home
from app.setting_parsers import MAX_REMINDER_MINUTES
from ui.background import BackgroundTask, run_in_background
from ui.date_range import bound_dates
from ui.dates import edit_format
from ui.dialogs.form_parts import buddy_label
from ui.numbers import count_text


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ExportDialog(QDialog):
    """The .ics export; `result` holds what was written once it finished."""

    def __init__(
        self,
        context: AppContext,
        customer: tuple[int, str] | None = None,
        parent: QWidget | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.result_files: IcsExportResult | None = None
        self.task: BackgroundTask | None = None
        self.setWindowTitle(_("Export to calendar"))
        today = context.agenda.today_date()
        explanation = QLabel(
            _(
                "Writes your follow-ups to an .ics file that Outlook and Google Calendar can "
                "import. Importing the file again into Outlook adds copies of the events; "
                "calendar sync keeps events up to date instead."
            )
        )
        explanation.setWordWrap(True)
        self.start = QDateEdit(_qdate(today))
        self.end = QDateEdit(_qdate(today + dt.timedelta(days=90)))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(edit_format())
            bound_dates(edit)
        self.all_dates = QCheckBox(_("All dates"))
        self.all_dates.toggled.connect(self._all_dates)
        dates = QHBoxLayout()
        for widget in (self.start, QLabel(_("to")), self.end, self.all_dates):
            dates.addWidget(widget)
        self.only_customer = QCheckBox(
            _("Only {customer}").format(customer=customer[1]) if customer else _("All customers")
        )
        self.only_customer.setEnabled(customer is not None)
        self._customer_id = customer[0] if customer else None
        self.kinds = QListWidget()
        for kind, label in KIND_LABELS.items():
            item = QListWidgetItem(_(label))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setCheckState(Qt.CheckState.Checked)
            self.kinds.addItem(item)
        self.kinds.setMaximumHeight(self.fontMetrics().height() * 7)
        self.details = QCheckBox(_("Include the drafted message text"))
        self.details.setChecked(True)
        self.details.setToolTip(_("Leave it out when others can see your calendar"))
        self.reminder = QSpinBox()
        self.reminder.setRange(0, MAX_REMINDER_MINUTES)
        self.reminder.setValue(context.settings.get().reminder_minutes)
        self.reminder.setSuffix(_(" minutes before"))
        self.reminder.setSpecialValueText(_("No reminder"))
        zone = context.settings.get().timezone
        self.local = QRadioButton(_("My time zone ({zone})").format(zone=zone))
        self.utc = QRadioButton(_("UTC"))
        self.local.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.utc)
        zones = QHBoxLayout()
        zones.addWidget(self.local)
        zones.addWidget(self.utc)
        self.path = QLineEdit(str((folder or Path.home()) / "follow-ups.ics"))
        browse = QPushButton(_("&Browse…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        # A row whose field is a layout gets no buddy of its own: name the first field, or
        # the "&" shows as it is.
        form.addRow(buddy_label(_("&Dates"), self.start), dates)
        form.addRow(_("C&ustomers"), self.only_customer)
        form.addRow(_("&Kinds"), self.kinds)
        form.addRow("", self.details)
        form.addRow(_("&Reminder"), self.reminder)
        form.addRow(_("Times in"), zones)
        form.addRow(buddy_label(_("&File"), self.path), where)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("&Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _all_dates(self, every: bool) -> None:
        self.start.setDisabled(every)
        self.end.setDisabled(every)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Export to calendar"), self.path.text(), _("Calendar (*.ics)")
        )
        if chosen:
            self.path.setText(chosen)

    def request(self) -> IcsExportRequest:
        target = expand_home(Path(self.path.text().strip() or "follow-ups.ics"))
        kinds = tuple(
            str(self.kinds.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.kinds.count())
            if self.kinds.item(row).checkState() == Qt.CheckState.Checked
        )
        every = not self.all_dates.isChecked()
        return IcsExportRequest(
            folder=target.parent,
            base_name=target.stem,
            start=self.start.date().toPython() if every else None,  # type: ignore[arg-type]
            end=self.end.date().toPython() if every else None,  # type: ignore[arg-type]
            customer_id=self._customer_id if self.only_customer.isChecked() else None,
            kinds=kinds if len(kinds) < len(KIND_LABELS) else (),
            details=self.details.isChecked(),
            utc=self.utc.isChecked(),
            reminder_minutes=self.reminder.value() or None,
        )

    def accept(self) -> None:
        request = self.request()
        if self.kinds.count() and not any(
            self.kinds.item(row).checkState() == Qt.CheckState.Checked
            for row in range(self.kinds.count())
        ):
            self.message.setText(_("Choose at least one kind of follow-up."))
            return
        self.buttons.setEnabled(False)
        service = self.context.calendar_export
        self.task = run_in_background(
            lambda progress: service.export_ics(request, progress),
            _("Exporting to calendar"),
            self,
            self._done,
            self._failed,
            lambda: self.buttons.setEnabled(True),
        )

    def _done(self, result: IcsExportResult) -> None:
        self.task = None
        self.result_files = result
        files = "\n".join(str(path) for path in result.files)
        text = ngettext(
            "{count} event written to:\n{files}",
            "{count} events written to:\n{files}",
            result.events,
        ).format(count=count_text(result.events), files=files)
        # Paragraphs, each a whole text: added only when they apply.
        if result.split:
            text += "\n\n" + _(
                "The export was split into {count} files of at most 1 MB, because Google "
                "Calendar refuses bigger imports. Import each file."
            ).format(count=len(result.files))
        if result.removed:
            text += "\n\n" + _(
                "Removed the files of an earlier export that this one replaces:\n{files}"
            ).format(files="\n".join(path.name for path in result.removed))
        QMessageBox.information(self, _("Export to calendar"), text)
        super().accept()

    def _failed(self, message: str, _known: bool) -> None:
        self.task = None
        self.buttons.setEnabled(True)
        self.message.setText(message)
