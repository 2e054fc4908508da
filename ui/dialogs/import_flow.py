"""File → Import…: pick a file, read its preview in the background, show the dialog that
imports it, and tell the window what came in (one flow for customers and for past sales)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.i18n import _
from ui.background import BackgroundTask, run_in_background
from ui.dialogs.modal import run_and_release

Preview = TypeVar("Preview")


def pick_file(parent: QWidget, title: str, kinds: str) -> Path | None:
    """The file the user picked, or None."""
    from PySide6.QtWidgets import QFileDialog

    name, _filter = QFileDialog.getOpenFileName(parent, title, "", kinds)
    return Path(name) if name else None


def preview_then_import(
    read: Callable[[], Preview],
    # The dialog emits `imported(result)` once its import is done; None: nothing to show
    # (make_dialog took the preview another way).
    make_dialog: Callable[[Preview], QDialog | None],
    summary: Callable[[Any], str],
    title: str,
    parent: QWidget,
) -> BackgroundTask:
    """Read the preview off the window's thread, then open the dialog; a file that cannot
    be read says why in one box titled `title`."""

    def show(preview: Preview) -> None:
        dialog = make_dialog(preview)
        if dialog is None:
            return
        dialog.imported.connect(lambda result: _announce(parent, summary(result)))  # type: ignore[attr-defined]
        run_and_release(dialog)

    def failed(message: str, _known: bool) -> None:
        QMessageBox.warning(parent, title, message)

    return run_in_background(lambda _progress: read(), _("Reading the file"), parent, show, failed)


def _announce(parent: QWidget, text: str) -> None:
    refresh = getattr(parent, "data_imported", None)
    if callable(refresh):
        refresh(text)
