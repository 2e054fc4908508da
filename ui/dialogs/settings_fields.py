"""The settings dialog's fields: labelled rows with their own error line, by setting key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.setting_choices import Choice
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


def time_field(value: dt.time) -> QTimeEdit:
    """A time of day as the user's locale writes it (09:00 or 9:00 AM)."""
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat(_time_format())
    return edit


def time_of(edit: QTimeEdit) -> dt.time:
    value = edit.time()
    return dt.time(value.hour(), value.minute())


def _time_format() -> str:
    # Minutes, never seconds: working hours are to the minute.
    return QLocale().timeFormat(QLocale.FormatType.ShortFormat).replace(":ss", "")


class SearchableChoice(QComboBox):
    """A long list picked by typing any part of a name: 'bav' finds 'Germany — Bavaria',
    'berlin' finds 'Berlin, Germany (UTC+01:00)'. Holds codes, shows names."""

    def __init__(self, choices: Sequence[Choice], current: str | None) -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        # Long names ('Saint Helena, Ascension and Tristan da Cunha'): the field does not
        # grow with them, the list shows them whole.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(28)
        for choice in choices:
            self.addItem(choice.label, choice.code)
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            # Inline completion cannot show matches in the middle of a name; a popup can.
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.set_code(current)

    def set_code(self, code: str | None) -> None:
        self.setCurrentIndex(max(self.findData(code or ""), 0))

    def code(self) -> str | None:
        """The chosen entry's code; None when what was typed names no entry. A code typed
        as such (Europe/Lisbon, EUR, DE-BY) counts as its entry."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            folded = text.casefold()
            index = next(
                (n for n in range(self.count()) if str(self.itemData(n)).casefold() == folded),
                -1,
            )
        return None if index < 0 else str(self.itemData(index))
