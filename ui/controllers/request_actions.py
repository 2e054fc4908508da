"""Answering a request: one dialog for Today and the Promises & requests screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui.dialogs.modal import run_and_release

if TYPE_CHECKING:
    from app.context import AppContext


def answer_request(context: AppContext, window: QWidget, request_id: int, shown_as: str) -> bool:
    """Ask what was answered, then mark the request answered; True when it was."""
    from ui.dialogs.note_dialog import NoteDialog

    dialog = NoteDialog(
        window.tr("Answer request"),
        shown_as,
        window.tr("Mark &answered"),
        lambda note: context.requests.answer(request_id, note),
        window,
        window.tr("What you answered"),
    )
    return run_and_release(dialog)
