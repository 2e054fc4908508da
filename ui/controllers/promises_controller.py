"""Behaviour of a customer's promises panel: add, at risk, kept, broken; requests and declines."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.context import AppContext
from app.dto.commitments import CommitmentDTO, CommitmentInput
from app.errors import KnownError
from app.i18n import _
from ui.controllers.delivery_record import record_text
from ui.dialogs.commitment_dialog import CommitmentDialog
from ui.dialogs.decline_dialog import DeclineDialog
from ui.dialogs.modal import run_and_release
from ui.dialogs.note_dialog import NoteDialog
from ui.dialogs.promise_recovery_dialog import PromiseRecoveryDialog
from ui.dialogs.request_dialog import RequestDialog
from ui.error_text import shown
from ui.item_models.commitment_table import CommitmentTableModel
from ui.views.promises_panel import PromisesPanel


class PromisesController(QObject):
    """One customer at a time; `changed` when something was written."""

    status = Signal(str)

    def __init__(
        self,
        view: PromisesPanel,
        context: AppContext,
        window: QWidget,
        *,
        across_customers: bool = False,
    ) -> None:
        """`across_customers`: every customer's promises, open ones unless `show_resolved`."""
        super().__init__(window)
        self.view, self.context, self.window = view, context, window
        self.customer_id: int | None = None
        self.customer_name = ""
        self.across = across_customers
        self.show_resolved = False
        self.model = CommitmentTableModel(self, with_customer=across_customers)
        view.table.setModel(self.model)
        view.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        view.table.doubleClicked.connect(lambda _index: self.show_recovery())
        view.add.clicked.connect(self.add)
        view.at_risk.clicked.connect(self.mark_at_risk)
        view.kept.clicked.connect(lambda: self.resolve(kept=True))
        view.broken.clicked.connect(lambda: self.resolve(kept=False))
        view.recovery.clicked.connect(self.show_recovery)
        view.log_request.clicked.connect(self.log_request)
        view.decline.clicked.connect(self.decline)
        self._update_buttons()

    def show_customer(self, customer_id: int, name: str) -> None:
        self.customer_id, self.customer_name = customer_id, name
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        if self.customer_id is None and not self.across:
            return
        current = self.selected()
        open_only = self.across and not self.show_resolved
        rows = self.context.commitments.find(self.customer_id, open_only=open_only)
        self.model.set_rows(rows, self.context.agenda.today_date())
        record = record_text(self.context.commitments.record(self.customer_id))
        self.view.heading.setText(_("Promises: {record}").format(record=record))
        wanted = select if select is not None else (current.id if current else None)
        row = self.model.row_of(wanted) if wanted is not None else -1
        if row >= 0:
            self.view.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> CommitmentDTO | None:
        rows = self.view.table.selectionModel().selectedRows()
        return self.model.commitment_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        item = self.selected()
        is_open = item is not None and item.is_open
        for button in (self.view.at_risk, self.view.kept, self.view.broken):
            button.setEnabled(is_open)
        self.view.recovery.setEnabled(item is not None and item.recovery_started_at is not None)

    # --- actions ------------------------------------------------------------------
    def add(self) -> None:
        if self.customer_id is None:
            return
        sales = [s for s in self.context.sales.of_customer(self.customer_id) if s.outcome == "won"]
        dialog = CommitmentDialog(
            self.customer_id,
            self.customer_name,
            self.context.agenda.today_date(),
            sales,
            self._add,
            self.window,
        )
        if run_and_release(dialog) and dialog.saved is not None:
            self._done(
                _("Promise recorded: {text}").format(text=dialog.saved.text), dialog.saved.id
            )

    def _add(self, data: CommitmentInput) -> CommitmentDTO:
        return self.context.commitments.add(data)

    def mark_at_risk(self) -> None:
        item = self.selected()
        if item is None:
            return
        dialog = NoteDialog(
            _("Promise at risk"),
            _("{text} — the recovery starts now: its first steps are due today.").format(
                text=item.text
            ),
            _("Start &recovery"),
            lambda note: self.context.commitments.at_risk(item.id, note),
            self.window,
            _("What is at risk, and why"),
        )
        if run_and_release(dialog):
            self._done(_("Recovery started for {text}: see Today.").format(text=item.text), item.id)

    def resolve(self, kept: bool) -> None:
        item = self.selected()
        if item is None:
            return
        if kept:
            try:
                self.context.commitments.kept(item.id)
            except KnownError as exc:
                self._warn(shown(exc))
                self.refresh()
                return
            self._done(_("Promise kept: {text}").format(text=item.text), item.id)
            return
        dialog = NoteDialog(
            _("Promise broken"),
            item.text,
            _("Mark &broken"),
            lambda note: self.context.commitments.broken(item.id, note),
            self.window,
        )
        if run_and_release(dialog):
            self._done(_("Marked broken: {text}").format(text=item.text), item.id)

    def show_recovery(self) -> None:
        item = self.selected()
        if item is None or item.recovery_started_at is None:
            return
        dialog = PromiseRecoveryDialog(
            self.context.commitments.recovery(item.id),
            self.context.settings.get().zone,
            self.window,
        )
        run_and_release(dialog)

    def log_request(self) -> None:
        if self.customer_id is None:
            return
        customer = self.context.customers.get(self.customer_id)
        prefs = self.context.settings.get()
        dialog = RequestDialog(
            customer.display_name,
            customer.channel,
            prefs.response_hours,
            lambda summary, channel: self.context.requests.add(customer.id, summary, channel),
            self.window,
        )
        if run_and_release(dialog) and dialog.saved is not None:
            due = dialog.saved.due_at.astimezone(prefs.zone)
            self._done(_("Request logged; answer by {due}.").format(due=f"{due:%a %H:%M}"))

    def decline(self) -> None:
        if self.customer_id is None:
            return
        dialog = DeclineDialog(
            self.context.declines,
            self.context.partners,
            self.context.agenda.today_date(),
            (self.customer_id, self.customer_name),
            self.window,
        )
        if run_and_release(dialog):
            self._done(_("Decline recorded."))

    # --- helpers ------------------------------------------------------------------

    def _done(self, message: str, select: int | None = None) -> None:
        self.refresh(select)
        self.status.emit(message)

    def _warn(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _("Follow-Up Planner"),
            message,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
