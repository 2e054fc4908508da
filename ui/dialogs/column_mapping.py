"""Choosing which CSV column holds which customer field (for files of no known layout)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from app.dto.imports import MULTI_FIELDS

FIELDS = (
    ("name", "Full name"), ("first_name", "First name"), ("last_name", "Last name"),
    ("company", "Company"), ("email", "E-mail"), ("phone", "Phone"),
    ("birthday", "Birthday"), ("notes", "Notes"), ("source", "Source"),
    ("job_title", "Job title"), ("street", "Street"), ("postal_code", "Postal code"),
    ("city", "City"), ("region", "Region or state"), ("country", "Country"),
)  # fmt: skip


class ColumnMapping(QWidget):
    """One drop-down of the file's headers per field; '—' leaves the field empty."""

    def __init__(
        self,
        headers: Sequence[str],
        current: Mapping[str, Sequence[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        for field, label in FIELDS:
            box = QComboBox()
            box.setObjectName(f"mapping_{field}")
            box.addItem("—", "")
            for header in headers:
                box.addItem(header, header)
            chosen = list(current.get(field, ()))
            if chosen:
                box.setCurrentIndex(max(box.findData(chosen[0]), 0))
            form.addRow(self.tr(label), box)
            self.boxes[field] = box

    def mapping(self) -> dict[str, object]:
        """The JSON form the import service takes: field -> header (or a list of headers)."""
        chosen: dict[str, object] = {}
        for field, box in self.boxes.items():
            header = str(box.currentData() or "")
            if header:
                chosen[field] = [header] if field in MULTI_FIELDS else header
        return chosen
