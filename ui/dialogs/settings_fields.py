"""The settings dialog's fields: labelled rows with their own error line, by setting key."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from ui.look.styles import error_style


class FieldRows:
    """Every field of the dialog by key: its input, its error line and the tab it is on.

    Pages add their fields here; the dialog reads them back to check and store them."""

    def __init__(self) -> None:
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.tab_of: dict[str, int] = {}

    def row(
        self,
        form: QFormLayout,
        page: int,
        key: str,
        label: str,
        widget: QWidget,
        buddy: QWidget | None = None,
    ) -> None:
        """A labelled field with its own error line under it (shown only when it is wrong)."""
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setWordWrap(True)
        error.setStyleSheet(error_style())
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(buddy or widget)
        form.addRow(caption, box)
        self.inputs[key] = widget
        self.errors[key] = error
        self.tab_of[key] = page


def line_field(text: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setPlaceholderText(placeholder)
    return edit


def spin_field(value: int, low: int, high: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setValue(value)
    return spin
