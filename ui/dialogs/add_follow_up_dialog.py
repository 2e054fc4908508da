"""Add a follow-up by hand: customer, kind, channel, day, an optional time and a note."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.dto.customers import CustomerDTO, CustomerQuery
from app.dto.touchpoints import AddedFollowUp, NewFollowUp
from app.errors import ValidationError
from app.i18n import _
from app.kinds import CHANNEL_LABELS, HAND_KINDS, kind_label
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.form_parts import buddy_label, date_edit, date_of

# Customers offered for what is typed: enough to choose from, read in one indexed query.
MATCHES = 30


class AddFollowUpDialog(FormDialog[AddedFollowUp]):
    """Saves through TouchpointService.add; a refusal shows in the form, which stays open."""

    def __init__(
        self, context: AppContext, customer: CustomerDTO | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Add follow-up"))
        self.search = QLineEdit()
        self.search.setObjectName("followUpCustomerSearch")
        self.search.setPlaceholderText(_("Type a name or company"))
        self.customer = QComboBox()
        self.customer.setObjectName("followUpCustomer")
        self.kind = QComboBox()
        self.kind.setObjectName("followUpKind")
        for kind in HAND_KINDS:
            self.kind.addItem(_(kind_label(kind)), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData("check_in")))
        self.channel = QComboBox()
        self.channel.setObjectName("followUpChannel")
        for key, label in CHANNEL_LABELS.items():
            self.channel.addItem(_(label), key)
        self.day = date_edit(context.touchpoints.next_working_day())
        self.day.setObjectName("followUpDate")
        self.timed = QCheckBox(_("At a &time"))
        self.time = QTimeEdit()
        self.time.setObjectName("followUpTime")
        self.time.setDisplayFormat("HH:mm")
        prefs = context.settings.get()
        start, end = prefs.work_start, prefs.work_end
        # Working hours bound the time: the field offers nothing outside them.
        self.time.setTimeRange(QTime(start.hour, start.minute), QTime(end.hour, end.minute))
        self.time.setTime(QTime(start.hour, start.minute))
        self.time.setEnabled(False)
        self.timed.toggled.connect(self.time.setEnabled)
        self.note = QLineEdit()
        self.note.setObjectName("followUpNote")
        self.note.setMaxLength(300)
        self.note.setPlaceholderText(_("What it is about"))
        when = QHBoxLayout()
        when.addWidget(self.day, 1)
        when.addWidget(self.timed)
        when.addWidget(self.time)
        form = QFormLayout()
        form.addRow(buddy_label(_("C&ustomer"), self.search), self.search)
        form.addRow("", self.customer)
        form.addRow(buddy_label(_("&Kind"), self.kind), self.kind)
        form.addRow(buddy_label(_("C&hannel"), self.channel), self.channel)
        form.addRow(buddy_label(_("&Date"), self.day), when)
        form.addRow(buddy_label(_("&Note"), self.note), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.button_box(_("&Add")))
        self.customer.currentIndexChanged.connect(lambda _index: self._customer_chosen())
        self.search.textEdited.connect(self._find)
        if customer is not None:
            self.search.setText(customer.name)
            self._offer([customer])
            self.kind.setFocus()
        else:
            self._find("")
            self.search.setFocus()

    def _find(self, text: str) -> None:
        page = self.context.customers.page(CustomerQuery(search=text.strip(), limit=MATCHES))
        self._offer(list(page.rows))

    def _offer(self, customers: list[CustomerDTO]) -> None:
        self.customer.blockSignals(True)
        self.customer.clear()
        for customer in customers:
            self.customer.addItem(customer.display_name, customer)
        self.customer.blockSignals(False)
        self._customer_chosen()

    def _customer_chosen(self) -> None:
        customer = self.customer.currentData()
        if isinstance(customer, CustomerDTO):
            self.channel.setCurrentIndex(max(0, self.channel.findData(customer.channel)))

    def save(self) -> AddedFollowUp:
        customer = self.customer.currentData()
        if not isinstance(customer, CustomerDTO):
            raise ValidationError(_("Choose the customer first."))
        at = self.time.time() if self.timed.isChecked() else None
        return self.context.touchpoints.add(
            NewFollowUp(
                customer_id=customer.id,
                kind=str(self.kind.currentData()),
                due_date=date_of(self.day),
                time_of_day=None if at is None else dt.time(at.hour(), at.minute()),
                channel=str(self.channel.currentData()),
                note=self.note.text(),
            )
        )
