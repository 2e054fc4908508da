"""Answering a request: one dialog for Today and the Promises & requests screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.i18n import _
from ui.dialogs.modal import run_and_release

if TYPE_CHECKING:
    from app.context import AppContext


def answer_request(context: AppContext, window: QWidget, request_id: int, shown_as: str) -> bool:
    """Ask what was answered, then mark the request answered; True when it was."""
    from ui.dialogs.note_dialog import NoteDialog

    dialog = NoteDialog(
        _("Answer request"),
        shown_as,
        _("Mark &answered"),
        lambda note: context.requests.answer(request_id, note),
        window,
        _("What you answered"),
    )
    return run_and_release(dialog)
