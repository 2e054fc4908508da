"""Turn a request down well: why, how they found you, a trusted partner, when to come back."""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.dto.customers import CustomerDTO
from app.dto.outreach import DECLINE_REASONS, DeclineDTO, DeclineInput
from app.i18n import _
from app.services.customers import CustomerService
from app.services.declines import DeclineService
from app.services.partners import PartnerService
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.form_parts import date_edit, date_of, plain_label
from ui.item_models.decline_table import REASON_LABELS
from ui.widgets.customer_picker import CustomerPicker


class DeclineDialog(FormDialog[DeclineDTO]):
    """OK records the decline (and plans the come-back); errors stay in the dialog."""

    def __init__(
        self,
        declines: DeclineService,
        partners: PartnerService,
        today: dt.date,
        customer: tuple[int, str] | None = None,
        parent: QWidget | None = None,
        *,
        pick: CustomerService | None = None,
    ) -> None:
        """Without a `customer`, `pick` offers a picker to say who the request came from
        (left empty: someone not yet a customer)."""
        super().__init__(parent)
        self._declines, self._partners = declines, partners
        self._customer_id = customer[0] if customer else None
        self.setWindowTitle(_("Decline a request"))
        self.setMinimumWidth(520)
        self.summary = QLineEdit()
        self.summary.setObjectName("declineSummary")
        self.summary.setPlaceholderText(_("What they asked for"))
        self.reason = QComboBox()
        self.reason.setObjectName("declineReason")
        for key in DECLINE_REASONS:
            self.reason.addItem(_(REASON_LABELS[key]), key)
        self.source = QLineEdit()
        self.source.setObjectName("declineSource")
        self.source.setPlaceholderText(_("How did they find you?"))
        self.field = QLineEdit()
        self.field.setObjectName("declineField")
        self.field.setPlaceholderText(_("Their field, to find a partner (e.g. leasing)"))
        self.partner = QComboBox()
        self.partner.setObjectName("declinePartner")
        self.come_back = QCheckBox(_("Not now: come &back on"))
        self.come_back.setObjectName("declineComeBack")
        self.come_back_on = date_edit(today + dt.timedelta(days=30))
        self.come_back_on.setEnabled(False)
        self.come_back.toggled.connect(self.come_back_on.setEnabled)
        self.who = plain_label("")
        self.picker: CustomerPicker | None = None
        if customer is None and pick is not None:
            self.picker = CustomerPicker(pick)
            self.picker.chosen.connect(self._customer_chosen)
        self._customer_chosen(None if customer is None else customer)
        later = QHBoxLayout()
        later.addWidget(self.come_back)
        later.addWidget(self.come_back_on, 1)
        form = QFormLayout()
        form.addRow(_("&Request"), self.summary)
        form.addRow(_("Rea&son"), self.reason)
        form.addRow(_("&Found you via"), self.source)
        form.addRow(_("F&ield"), self.field)
        form.addRow(_("Refer to &partner"), self.partner)
        form.addRow("", later)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        if self.picker is not None:
            layout.addWidget(self.picker)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.button_box(_("&Record decline")))
        if self.picker is not None:
            chain = [*self.picker.focus_chain(), self.summary]
            for first, second in itertools.pairwise(chain):
                QWidget.setTabOrder(first, second)
        self.field.textChanged.connect(lambda _text: self._suggest())
        self._suggest()
        # Asked first when it is not known: who the request came from.
        (self.picker.search if self.picker else self.summary).setFocus()

    def _customer_chosen(self, customer: CustomerDTO | tuple[int, str] | None) -> None:
        """Who it is about; only a customer can be come back to."""
        if isinstance(customer, CustomerDTO):
            customer = (customer.id, customer.display_name)
        self._customer_id = customer[0] if customer else None
        if customer is not None:
            text = _("Saying no to {customer}, well.").format(customer=customer[1])
        elif self.picker is not None:
            text = _(
                "Who asked? Choose the customer, or choose no one for someone not yet a customer."
            )
        else:
            text = _("Saying no to someone not yet a customer, well.")
        self.who.setText(text)
        self.come_back.setEnabled(customer is not None)
        if customer is None:
            self.come_back.setChecked(False)
        tip = "" if customer else _("Choose the customer to plan a come-back")
        self.come_back.setToolTip(tip)

    def _suggest(self) -> None:
        """Only trusted partners, those covering the field when one is typed."""
        field = self.field.text().strip()
        found = self._partners.suggest(field) if field else self._partners.find(trusted_only=True)
        self.partner.clear()
        self.partner.addItem(_("No referral"), None)
        for partner in found:
            covers = ", ".join(partner.covers)
            self.partner.addItem(f"{partner.name}" + (f" ({covers})" if covers else ""), partner.id)
        if found and field:
            self.partner.setCurrentIndex(1)

    def value(self) -> DeclineInput:
        partner = self.partner.currentData()
        return DeclineInput(
            summary=self.summary.text(),
            reason=str(self.reason.currentData()),
            source=self.source.text(),
            partner_id=int(partner) if partner is not None else None,
            come_back_on=date_of(self.come_back_on) if self.come_back.isChecked() else None,
            customer_id=self._customer_id,
        )

    def save(self) -> DeclineDTO:
        return self._declines.add(self.value())
