"""The base of every dialog that saves on OK: a refusal shows in the form, which stays open."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from app.errors import KnownError
from ui.dialogs.form_parts import error_label, ok_cancel
from ui.dialogs.modal import run_and_release
from ui.error_text import shown

Saved = TypeVar("Saved")


class FormDialog(QDialog, Generic[Saved]):
    """Subclasses lay out their fields, add `self.error` and `self.button_box(...)`, and say
    what OK saves (`save`). `saved` holds the result once accepted.

    The dialog is released once closed (`run` / `exec` then delete): only `saved` and what
    the subclass kept as plain values may be read afterwards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error: QLabel = error_label()
        self.saved: Saved | None = None

    def button_box(
        self,
        ok_text: str = "",
        ok: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
    ) -> QDialogButtonBox:
        """OK (or Save, or this text; Enter) and Cancel (Escape)."""
        return ok_cancel(self, ok_text, ok)

    def save(self) -> Saved:
        """Validate and store what the form holds; raise KnownError to refuse."""
        raise NotImplementedError

    def refused(self) -> None:
        """After a refusal is shown: where the user should look (subclasses move focus)."""

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def accept(self) -> None:
        try:
            self.saved = self.save()
        except KnownError as exc:
            self.show_error(shown(exc))
            self.refused()
            return
        super().accept()

    def run(self) -> Saved | None:
        """Show the dialog until it closes, release it, and return what it saved."""
        return self.saved if run_and_release(self) else None
