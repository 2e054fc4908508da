"""Which column of a deal file holds what: asked when the file is of no layout we know."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.i18n import _
from ui.dialogs.column_mapping import SALE_FIELDS, ColumnMapping


class SalesColumnsDialog(QDialog):
    """One drop-down per field of a deal; OK reads the file again by the chosen columns."""

    def __init__(
        self,
        headers: Sequence[str],
        current: Mapping[str, Sequence[str]],
        problem: str,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Columns of the deal file"))
        self.chosen: dict[str, object] = {}
        sentence = problem[:1].upper() + problem[1:] + "." if problem else ""
        ask = _(
            "Choose the column that holds each part of a deal: the close date and one that "
            "names the customer are needed, the rest is optional."
        )
        about = QLabel(f"{sentence} {ask}".strip())
        about.setObjectName("salesColumnsAbout")
        about.setWordWrap(True)
        self.mapping = ColumnMapping(headers, current, fields=SALE_FIELDS, multi=())
        scroll = QScrollArea()
        scroll.setWidget(self.mapping)
        scroll.setWidgetResizable(True)
        # As tall as the fields, up to a screen's worth: no empty box below them.
        scroll.setMinimumHeight(min(self.mapping.sizeHint().height() + 4, 420))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Read the file"))
        for box in self.mapping.boxes.values():
            box.currentIndexChanged.connect(self._enable)
        self._enable()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _enable(self) -> None:
        """Reading needs the close date and a column that names the customer."""
        chosen = self.mapping.mapping()
        ready = "closed_on" in chosen and any(f in chosen for f in ("name", "email", "company"))
        self.ok_button.setEnabled(ready)

    def accept(self) -> None:
        # Kept as a plain dict: the dialog is released once it closes.
        self.chosen = self.mapping.mapping()
        super().accept()
