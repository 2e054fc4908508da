"""Add or edit a customer; validation errors stay in the dialog, nothing is lost."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.dto.customers import CustomerDTO, CustomerInput
from app.i18n import ENGLISH, LANGUAGES, _
from app.kinds import CHANNEL_LABELS, SALUTATIONS
from ui.dialogs.form_dialog import FormDialog
from ui.widgets.birthday_edit import BirthdayEdit


class CustomerDialog(FormDialog[CustomerDTO]):
    """A form over CustomerInput; `save` is called on OK and may raise KnownError."""

    def __init__(
        self,
        save: Callable[[CustomerInput], CustomerDTO],
        customer: CustomerDTO | None = None,
        parent: QWidget | None = None,
        default_language: str = ENGLISH,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(_("Edit customer") if customer else _("New customer"))
        self.setMinimumWidth(460)

        self.name = QLineEdit()
        self.company = QLineEdit()
        self.job_title = QLineEdit()
        self.job_title.setObjectName("customerJobTitle")
        self.job_title.setPlaceholderText(_("e.g. Head of Purchasing"))
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.channel = QComboBox()
        for key, label in CHANNEL_LABELS.items():
            self.channel.addItem(_(label), key)
        self.salutation = QComboBox()
        self.salutation.setObjectName("customerSalutation")
        for key, label in SALUTATIONS.items():
            self.salutation.addItem(_(label), key)
        self.language = QComboBox()
        self.language.setObjectName("customerLanguage")
        # "Default" follows the user's draft language if they change it later; named here
        # so the user sees which language that is today. Each language by its own name.
        self.language.addItem(
            _("Default ({language})").format(
                language=LANGUAGES.get(default_language, default_language)
            ),
            "",
        )
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setToolTip(_("The language drafts to this customer are written in"))
        self.birthday = BirthdayEdit()
        self.is_key = QCheckBox(_("Key customer (followed up more often)"))
        self.source = QLineEdit()
        self.source.setPlaceholderText(_("How they found you"))
        self.industry = QLineEdit()
        self.industry.setObjectName("customerIndustry")
        self.industry.setPlaceholderText(_("e.g. Logistics (matches library items)"))
        self.tags = QLineEdit()
        self.tags.setObjectName("customerTags")
        self.tags.setPlaceholderText(_("Comma-separated, e.g. forklifts, safety"))
        self.cadence = QSpinBox()
        self.cadence.setRange(0, 3650)
        self.cadence.setSpecialValueText(_("Default"))
        self.cadence.setSuffix(_(" days"))
        self.do_not_contact = QCheckBox(_("Do not contact (nothing will be scheduled)"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        # The postal address, for letters: the street may take a second line.
        self.street = QPlainTextEdit()
        self.street.setObjectName("customerStreet")
        self.street.setTabChangesFocus(True)
        self.street.setFixedHeight(self.street.fontMetrics().lineSpacing() * 2 + 14)
        self.postal_code = QLineEdit()
        self.postal_code.setObjectName("customerPostalCode")
        self.postal_code.setPlaceholderText(_("Postal code"))
        self.postal_code.setMaximumWidth(110)
        self.city = QLineEdit()
        self.city.setObjectName("customerCity")
        self.city.setPlaceholderText(_("City"))
        self.region = QLineEdit()
        self.region.setObjectName("customerRegion")
        self.region.setPlaceholderText(_("Region or state"))
        self.country = QLineEdit()
        self.country.setObjectName("customerCountry")
        self.country.setPlaceholderText(_("Country"))
        town = QHBoxLayout()
        town.addWidget(self.postal_code)
        town.addWidget(self.city, 1)
        area = QHBoxLayout()
        area.addWidget(self.region, 1)
        area.addWidget(self.country, 1)

        form = QFormLayout()
        form.addRow(_("&Name*"), self.name)
        form.addRow(_("&Company"), self.company)
        form.addRow(_("&Job title"), self.job_title)
        form.addRow(_("&E-mail"), self.email)
        form.addRow(_("&Phone"), self.phone)
        form.addRow(_("Preferred c&hannel"), self.channel)
        form.addRow(_("&Greet as"), self.salutation)
        form.addRow(_("&Language"), self.language)
        form.addRow(_("S&treet"), self.street)
        form.addRow(_("Postal code, cit&y"), town)
        form.addRow(_("Region, co&untry"), area)
        # A row holding a layout gets no buddy by itself: its shortcut goes to the first box.
        for row, box in ((town, self.postal_code), (area, self.region)):
            caption = form.labelForField(row)
            if isinstance(caption, QLabel):
                caption.setBuddy(box)
        form.addRow(_("&Birthday"), self.birthday)
        form.addRow("", self.is_key)
        form.addRow(_("&Source"), self.source)
        form.addRow(_("&Industry"), self.industry)
        form.addRow(_("T&ags"), self.tags)
        form.addRow(_("&Keep in touch every"), self.cadence)
        form.addRow("", self.do_not_contact)
        form.addRow(_("N&otes"), self.notes)
        buttons = self.button_box(ok=QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if customer:
            self._fill(customer)
        self.name.setFocus()

    def _fill(self, customer: CustomerDTO) -> None:
        self.name.setText(customer.name)
        self.company.setText(customer.company)
        self.email.setText(customer.email)
        self.phone.setText(customer.phone)
        self.channel.setCurrentIndex(max(0, self.channel.findData(customer.channel)))
        self.salutation.setCurrentIndex(max(0, self.salutation.findData(customer.salutation)))
        self.language.setCurrentIndex(max(0, self.language.findData(customer.language)))
        self.birthday.set_birthday(customer.birthday)
        self.is_key.setChecked(customer.is_key)
        self.source.setText(customer.source)
        self.cadence.setValue(customer.keep_in_touch_days or 0)
        self.do_not_contact.setChecked(customer.do_not_contact)
        self.notes.setPlainText(customer.notes)
        self.industry.setText(customer.industry)
        self.tags.setText(", ".join(customer.tags))
        self.job_title.setText(customer.job_title)
        self.street.setPlainText(customer.street)
        self.postal_code.setText(customer.postal_code)
        self.city.setText(customer.city)
        self.region.setText(customer.region)
        self.country.setText(customer.country)

    def value(self) -> CustomerInput:
        return CustomerInput(
            name=self.name.text(),
            company=self.company.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            channel=str(self.channel.currentData()),
            birthday=self.birthday.text(),
            is_key=self.is_key.isChecked(),
            source=self.source.text(),
            notes=self.notes.toPlainText(),
            keep_in_touch_days=self.cadence.value() or None,
            do_not_contact=self.do_not_contact.isChecked(),
            industry=self.industry.text(),
            tags=self.tags.text(),
            salutation=str(self.salutation.currentData()),
            language=str(self.language.currentData()),
            job_title=self.job_title.text(),
            street=self.street.toPlainText(),
            postal_code=self.postal_code.text(),
            city=self.city.text(),
            region=self.region.text(),
            country=self.country.text(),
        )

    def save(self) -> CustomerDTO:
        return self._save(self.value())
