"""Record a sale: the form, a live preview of the follow-ups it plans, dates editable first."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import itertools
from typing import Any

from PySide6.QtCore import (
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.dto.customers import CustomerDTO
from app.dto.sales import SaleInput, SaleResult
from app.errors import KnownError, ValidationError
from app.i18n import _
from app.kinds import LOST_REASON_LABELS
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.form_parts import date_edit
from ui.error_text import shown
from ui.item_models.sale_preview_table import DateDelegate, PreviewTableModel
from ui.widgets.customer_picker import CustomerPicker

PREVIEW_DELAY_MS = 150
PLAN_KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the plan's built-in key, if any
DEFAULT_PLANS = {"won": "won_sale", "lost": "lost_sale"}
SALE_TRIGGERS = frozenset(DEFAULT_PLANS.values())
DEFAULT_DELIVERY_DAYS = 14


class SaleDialog(FormDialog[SaleResult]):
    """Save calls `context.sales.record`; afterwards `saved` holds the SaleResult. Without a
    customer, the dialog starts with a picker to choose (or create) one."""

    def __init__(
        self, context: AppContext, customer_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._customer_id = customer_id
        self._plan_chosen = False
        today = context.agenda.today_date()
        self.setWindowTitle(_("Record a sale"))
        self.setMinimumSize(560, 520 if customer_id is not None else 700)

        heading = QLabel()
        self.heading = heading
        self.picker: CustomerPicker | None = None
        if customer_id is None:
            self.picker = CustomerPicker(context.customers)
            self.picker.chosen.connect(self._customer_chosen)
        self._show_heading(None if customer_id is None else context.customers.get(customer_id))
        self.won = QRadioButton(_("&Won"))
        self.lost = QRadioButton(_("&Lost"))
        self.won.setChecked(True)
        self.outcome = QButtonGroup(self)
        self.outcome.addButton(self.won)
        self.outcome.addButton(self.lost)
        self.closed = date_edit(today)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(_("e.g. 12500 or 12500.50"))
        self.currency = QLineEdit(context.settings.get().currency)
        self.currency.setMaxLength(3)
        self.currency.setFixedWidth(self.fontMetrics().averageCharWidth() * 8)
        self.description = QLineEdit()
        self.description.setPlaceholderText(_("What was sold"))
        self.has_delivery = QCheckBox(_("Promised deli&very"))
        self.delivery = date_edit(today + dt.timedelta(days=DEFAULT_DELIVERY_DAYS))
        self.delivery.setEnabled(False)
        # Asked of a lost sale only; nothing is chosen for the user.
        self.lost_reason = QComboBox()
        self.lost_reason.setObjectName("lostReason")
        for key, label in LOST_REASON_LABELS.items():
            self.lost_reason.addItem(_(label), key)
        self.lost_reason.setPlaceholderText(_("Choose why"))
        self.lost_reason.setCurrentIndex(-1)
        self.lost_note = QLineEdit()
        self.lost_note.setObjectName("lostNote")
        self.lost_note.setPlaceholderText(_("More about it (optional)"))
        self.plan = QComboBox()
        for plan in context.plans.all():
            if plan.trigger in SALE_TRIGGERS:
                self.plan.addItem(plan.title, plan.name)
                self.plan.setItemData(self.plan.count() - 1, plan.builtin_key, PLAN_KEY_ROLE)
        self._select_default_plan()

        self.reason = QLabel()
        self.reason.setObjectName("previewReason")
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.hide()
        self.preview_model = PreviewTableModel(self)
        self.preview = QTableView()
        self.preview.setObjectName("salePreview")
        self.preview.setModel(self.preview_model)
        self.preview.setItemDelegateForColumn(0, DateDelegate(self.closed.date, self.preview))
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.preview.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        # Tab leaves the table for the buttons, as in the rest of the form.
        self.preview.setTabKeyNavigation(False)
        self.preview.verticalHeader().setVisible(False)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        preview_label = QLabel(_("Follow-ups this plan sc&hedules"))
        preview_label.setBuddy(self.preview)
        hint = QLabel(_("To change a date before saving, double-click it or press F2."))
        hint.setEnabled(False)

        self.buttons = self.button_box(ok=QDialogButtonBox.StandardButton.Save)
        self._lay_out(heading, preview_label, hint)
        self._set_tab_order()

        # Debounce: one preview per pause in typing, not one per key.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._connect_changes()
        self.refresh_preview()
        (self.picker.search if self.picker else self.amount).setFocus()

    def _lay_out(self, heading: QLabel, preview_label: QLabel, hint: QLabel) -> None:
        outcome_row = QHBoxLayout()
        outcome_row.addWidget(self.won)
        outcome_row.addWidget(self.lost)
        outcome_row.addStretch(1)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount, 1)
        currency_label = QLabel(_("C&urrency"))
        currency_label.setBuddy(self.currency)
        amount_row.addWidget(currency_label)
        amount_row.addWidget(self.currency)
        delivery_row = QHBoxLayout()
        delivery_row.addWidget(self.has_delivery)
        delivery_row.addWidget(self.delivery, 1)
        lost_row = QHBoxLayout()
        lost_row.addWidget(self.lost_reason)
        lost_row.addWidget(self.lost_note, 1)
        self.form = form = QFormLayout()
        form.addRow(_("Outcome"), outcome_row)
        form.addRow(_("&Closed on"), self.closed)
        amount_label = QLabel(_("&Amount"))
        amount_label.setBuddy(self.amount)
        form.addRow(amount_label, amount_row)
        form.addRow(_("&Description"), self.description)
        form.addRow(_("Delivery"), delivery_row)
        self._lost_label = QLabel(_("Why lo&st"))
        self._lost_label.setBuddy(self.lost_reason)
        form.addRow(self._lost_label, lost_row)
        self._delivery_layout, self._lost_layout = delivery_row, lost_row
        self._show_outcome_rows()
        form.addRow(_("&Plan"), self.plan)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if self.picker is not None:
            layout.addWidget(self.picker)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(preview_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.preview, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            *(self.picker.focus_chain() if self.picker else []),
            self.won,
            self.lost,
            self.closed,
            self.amount,
            self.currency,
            self.description,
            self.lost_reason,
            self.lost_note,
            self.has_delivery,
            self.delivery,
            self.plan,
            self.preview,
            *self.buttons.buttons(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect_changes(self) -> None:
        later = self._timer.start
        self.outcome.buttonToggled.connect(self._outcome_changed)
        self.closed.dateChanged.connect(lambda _day: later())
        self.amount.textChanged.connect(lambda _text: later())
        self.currency.textChanged.connect(lambda _text: later())
        self.description.textChanged.connect(lambda _text: later())
        self.has_delivery.toggled.connect(self._delivery_toggled)
        self.delivery.dateChanged.connect(lambda _day: later())
        self.plan.activated.connect(self._plan_activated)
        self.plan.currentIndexChanged.connect(self._plan_changed)

    # --- reactions -------------------------------------------------------------------
    def _show_heading(self, customer: CustomerDTO | None) -> None:
        if customer is None:
            self.heading.setText(_("Who is the sale for? Search, or create a new customer."))
        else:
            name = f"<b>{html.escape(customer.display_name)}</b>"
            self.heading.setText(_("Sale for {customer}").format(customer=name))

    def _customer_chosen(self, customer: CustomerDTO | None) -> None:
        self._customer_id = customer.id if customer else None
        self._show_heading(customer)
        self._timer.start()

    def _outcome_changed(self, _button: Any, checked: bool) -> None:
        if not checked:
            return
        if not self._plan_chosen:
            self._select_default_plan()
        self._show_outcome_rows()
        self._timer.start()

    def _show_outcome_rows(self) -> None:
        """A lost sale asks why and promises no delivery; a won one the other way round."""
        lost = self._outcome() == "lost"
        self.form.setRowVisible(self._delivery_layout, not lost)
        self.form.setRowVisible(self._lost_layout, lost)

    def _delivery_toggled(self, on: bool) -> None:
        self.delivery.setEnabled(on)
        self._timer.start()

    def _plan_activated(self, _index: int) -> None:
        # Only a choice the user made sticks when the outcome changes afterwards.
        self._plan_chosen = True

    def _plan_changed(self, _index: int) -> None:
        # Edited dates belong to the steps of the plan they were made in.
        self.preview_model.clear_overrides()
        self._timer.start()

    def _select_default_plan(self) -> None:
        key = DEFAULT_PLANS[self._outcome()]
        for row in range(self.plan.count()):
            if self.plan.itemData(row, PLAN_KEY_ROLE) == key:
                self.plan.setCurrentIndex(row)
                return

    def _outcome(self) -> str:
        return "lost" if self.lost.isChecked() else "won"

    # --- preview and save ------------------------------------------------------------
    def value(self) -> SaleInput:
        """The form as a sale; ValidationError while no customer is chosen."""
        if self._customer_id is None:
            raise ValidationError(_("Choose who the sale is for."))
        lost = self._outcome() == "lost"
        promised = (
            self.delivery.date().toPython() if self.has_delivery.isChecked() and not lost else None
        )
        return SaleInput(
            customer_id=self._customer_id,
            closed_on=self.closed.date().toPython(),  # type: ignore[arg-type]
            outcome=self._outcome(),
            amount=self.amount.text(),
            currency=self.currency.text(),
            description=self.description.text(),
            promised_delivery=promised,  # type: ignore[arg-type]
            plan_name=str(self.plan.currentData() or ""),
            lost_reason=str(self.lost_reason.currentData() or "") if lost else "",
            lost_note=self.lost_note.text() if lost else "",
            date_overrides=self.preview_model.overrides(),
        )

    def refresh_preview(self) -> None:
        """Ask the service what the sale would plan; its objections appear under the form."""
        self._timer.stop()
        if self._customer_id is None:
            self._show_error("")
            self.preview_model.set_items(())
            self.reason.setText(_("Choose the customer to see the follow-ups."))
            self.reason.show()
            return
        data = dataclasses.replace(self.value(), date_overrides={})
        try:
            preview = self._context.sales.preview(data)
        except KnownError as exc:
            self._show_error(shown(exc))
            self.preview_model.set_items(())
            self.reason.hide()
            return
        self._show_error("")
        self.preview_model.set_items(preview.items)
        reason = preview.skipped_reason or ("" if preview.items else _("Nothing to plan."))
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))

    def _show_error(self, text: str) -> None:
        self.show_error(text)
        self.error.setVisible(bool(text))

    def save(self) -> SaleResult:
        # What is saved is what the preview shows, even if the debounce has not fired yet.
        if self._timer.isActive():
            self.refresh_preview()
        if self._outcome() == "lost" and self.lost_reason.currentIndex() < 0:
            raise ValidationError(_("Choose why the sale was lost."))
        return self._context.sales.record(self.value())

    def refused(self) -> None:
        if self._customer_id is None and self.picker is not None:
            self.picker.search.setFocus()
        elif self._outcome() == "lost" and self.lost_reason.currentIndex() < 0:
            self.lost_reason.setFocus()
