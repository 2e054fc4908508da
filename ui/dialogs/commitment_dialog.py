"""Add a promise: what, by when, with how much buffer, for which sale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.dto.commitments import CommitmentDTO, CommitmentInput
from app.dto.sales import SaleDTO
from app.i18n import _
from ui.dates import date_text
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.form_parts import date_edit, date_of, plain_label


class CommitmentDialog(FormDialog[CommitmentDTO]):
    """`save(CommitmentInput)` runs on OK; a KnownError stays in the dialog."""

    def __init__(
        self,
        customer_id: int,
        customer_name: str,
        today: dt.date,
        sales: Sequence[SaleDTO],
        save: Callable[[CommitmentInput], CommitmentDTO],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._customer_id = customer_id
        self._save = save
        self.setWindowTitle(_("Add promise"))
        self.setMinimumWidth(480)
        self.text = QLineEdit()
        self.text.setObjectName("promiseText")
        self.text.setMaxLength(500)
        self.text.setPlaceholderText(_("What you promised, e.g. Send the service contract"))
        self.due = date_edit(today + dt.timedelta(days=7))
        self.due.setObjectName("promiseDue")
        self.buffer = QSpinBox()
        self.buffer.setObjectName("promiseBuffer")
        self.buffer.setRange(0, 365)
        self.buffer.setSuffix(_(" days"))
        self.buffer.setToolTip(
            _("Room you keep: the promise counts as at risk once due minus buffer has passed")
        )
        self.sale = QComboBox()
        self.sale.setObjectName("promiseSale")
        self.sale.addItem(_("No sale"), None)
        for sale in sales:
            label = sale.description or _("Sale of {date}").format(date=date_text(sale.closed_on))
            self.sale.addItem(label, sale.id)
        form = QFormLayout()
        form.addRow(_("&Promise"), self.text)
        form.addRow(_("&Due"), self.due)
        form.addRow(_("&Buffer"), self.buffer)
        form.addRow(_("&Sale"), self.sale)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(_("A promise to {customer}").format(customer=customer_name)))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.button_box(_("&Add promise")))
        self.text.setFocus()

    def value(self) -> CommitmentInput:
        sale = self.sale.currentData()
        return CommitmentInput(
            customer_id=self._customer_id,
            text=self.text.text(),
            due_on=date_of(self.due),
            buffer_days=self.buffer.value(),
            sale_id=int(sale) if sale is not None else None,
        )

    def save(self) -> CommitmentDTO:
        return self._save(self.value())
