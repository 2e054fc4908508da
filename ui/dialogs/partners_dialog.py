"""The partner directory: whom you refer declined requests to; only trusted ones are suggested."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from app.dto.outreach import PartnerInput
from app.i18n import _
from app.services.partners import PartnerService
from ui.dialogs.directory_dialog import DirectoryDialog


class PartnersDialog(DirectoryDialog):
    """List + form; Save stores the partner shown, New starts an empty one."""

    def __init__(self, service: PartnerService, parent: QWidget | None = None) -> None:
        super().__init__(_("Partners"), parent)
        self._service = service
        self.name = QLineEdit()
        self.name.setObjectName("partnerName")
        self.company = QLineEdit()
        self.covers = QLineEdit()
        self.covers.setObjectName("partnerCovers")
        self.covers.setPlaceholderText(_("Fields they cover, e.g. leasing, insurance"))
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(_("Phone, e-mail"))
        self.trusted = QCheckBox(_("T&rusted: I would refer my customers to them"))
        self.trusted.setObjectName("partnerTrusted")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.form.addRow(_("Na&me*"), self.name)
        self.form.addRow(_("&Company"), self.company)
        self.form.addRow(_("Co&vers"), self.covers)
        self.form.addRow(_("Con&tact"), self.contact)
        self.form.addRow("", self.trusted)
        self.form.addRow(_("N&otes"), self.notes)
        self.reload()
        self.name.setFocus()

    def load_rows(self) -> list[tuple[int, str]]:
        rows = []
        for partner in self._service.find():
            covers = ", ".join(partner.covers)
            mark = "★ " if partner.trusted else ""
            rows.append((partner.id, f"{mark}{partner.name}" + (f" — {covers}" if covers else "")))
        return rows

    def fill(self, row_id: int) -> None:
        partner = self._service.get(row_id)
        self.name.setText(partner.name)
        self.company.setText(partner.company)
        self.covers.setText(", ".join(partner.covers))
        self.contact.setText(partner.contact)
        self.trusted.setChecked(partner.trusted)
        self.notes.setPlainText(partner.notes)

    def clear_form(self) -> None:
        for edit in (self.name, self.company, self.covers, self.contact):
            edit.clear()
        self.trusted.setChecked(False)
        self.notes.clear()
        self.name.setFocus()

    def save(self, row_id: int | None) -> int:
        data = PartnerInput(
            name=self.name.text(),
            company=self.company.text(),
            covers=self.covers.text(),
            contact=self.contact.text(),
            trusted=self.trusted.isChecked(),
            notes=self.notes.toPlainText(),
        )
        if row_id is None:
            return self._service.add(data).id
        return self._service.update(row_id, data).id
