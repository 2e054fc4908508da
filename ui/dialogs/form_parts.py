"""Small pieces the promise and outreach dialogs share: error line, date field, buttons."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLabel, QWidget

from ui.date_range import bound_dates
from ui.dates import edit_format
from ui.look.styles import error_style


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose mnemonic moves to `buddy` (for rows whose field is a layout)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def error_label() -> QLabel:
    """Hidden until a save fails; the message may quote user text, so never markup."""
    label = QLabel()
    label.setObjectName("formError")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(error_style())
    label.hide()
    return label


def plain_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def date_edit(day: dt.date, parent: QWidget | None = None) -> QDateEdit:
    """A date field with a calendar pop-up, limited to the dates the planner accepts."""
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(edit_format())
    bound_dates(edit)
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def ok_cancel(
    dialog: QDialog,
    ok_text: str = "",
    ok: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
) -> QDialogButtonBox:
    """OK (or Save; the default: Enter) and Cancel (Escape), wired to the dialog."""
    buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel)
    button = buttons.button(ok)
    if ok_text:
        button.setText(ok_text)
    button.setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
