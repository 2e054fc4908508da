"""Choosing which CSV column holds which customer field (for files of no known layout)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from app.dto.imports import MULTI_FIELDS
from app.i18n import N_, _

FIELDS = (
    ("name", N_("Full name")), ("first_name", N_("First name")),
    ("last_name", N_("Last name")), ("company", N_("Company")), ("email", N_("E-mail")),
    ("phone", N_("Phone")), ("birthday", N_("Birthday")), ("notes", N_("Notes")),
    ("source", N_("Source")), ("job_title", N_("Job title")), ("street", N_("Street")),
    ("postal_code", N_("Postal code")), ("city", N_("City")),
    ("region", N_("Region or state")), ("country", N_("Country")),
)  # fmt: skip


# A file of past deals (app.importing.sales_layouts.SALE_FIELDS).
SALE_FIELDS = (
    ("closed_on", N_("Close date")), ("name", N_("Customer name")),
    ("email", N_("Customer e-mail")), ("company", N_("Company")),
    ("outcome", N_("Won or lost")), ("description", N_("What was sold")),
    ("amount", N_("Amount")), ("currency", N_("Currency")),
    ("promised_delivery", N_("Promised delivery")), ("actual_delivery", N_("Actual delivery")),
)  # fmt: skip


class ColumnMapping(QWidget):
    """One drop-down of the file's headers per field; '—' leaves the field empty."""

    def __init__(
        self,
        headers: Sequence[str],
        current: Mapping[str, Sequence[str]],
        parent: QWidget | None = None,
        fields: Sequence[tuple[str, str]] = FIELDS,
        multi: Collection[str] = MULTI_FIELDS,
    ) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QComboBox] = {}
        self._multi = multi
        self._current = {field: tuple(columns) for field, columns in current.items()}
        form = QFormLayout(self)
        for field, label in fields:
            box = QComboBox()
            box.setObjectName(f"mapping_{field}")
            box.addItem("—", "")
            for header in headers:
                box.addItem(header, header)
            chosen = list(current.get(field, ()))
            if chosen:
                box.setCurrentIndex(max(box.findData(chosen[0]), 0))
            form.addRow(_(label), box)
            self.boxes[field] = box

    def mapping(self) -> dict[str, object]:
        """The JSON form the import service takes: field -> header (or a list of headers)."""
        chosen: dict[str, object] = {}
        for field, box in self.boxes.items():
            header = str(box.currentData() or "")
            kept = self._current.get(field, ())
            if header and header == next(iter(kept), None) and len(kept) > 1:
                # Left as it was: keep the further columns read for it too (Pipedrive's
                # won and lost times, Outlook's second and third e-mail).
                chosen[field] = list(kept)
            elif header:
                chosen[field] = [header] if field in self._multi else header
        return chosen
