"""Behind the draft pane: keeps the salesperson's words with the follow-up, brings library
items into the draft, opens mail, text or call, and asks before anything is marked done."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import KnownError
from app.i18n import _
from ui.error_text import shown
from ui.widgets.draft_pane import DraftPane

if TYPE_CHECKING:
    from app.context import AppContext
    from app.dto.outreach import LibraryItemDTO
    from app.dto.touchpoints import Draft, TouchpointDTO


class DraftHost(Protocol):
    """What the draft's actions need of the screen that shows it."""

    @property
    def window(self) -> QWidget: ...
    def selected(self) -> TouchpointDTO | None: ...
    def done(self) -> None: ...
    def apply_change(
        self, item: TouchpointDTO, work: Callable[[], TouchpointDTO]
    ) -> TouchpointDTO | None: ...


class DraftActions(QObject):
    """One per draft pane; reports what happened by `status`."""

    status = Signal(str)

    def __init__(
        self, pane: DraftPane, context: AppContext, host: DraftHost, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.pane, self.context, self.host = pane, context, host
        pane.edited.connect(self.keep_words)
        pane.reset_requested.connect(self.reset)
        pane.item_chosen.connect(self.bring)
        pane.item_removed.connect(lambda: self.bring(None))
        pane.choose_item.connect(self.choose_item)
        pane.send_requested.connect(self.send)
        pane.done_confirmed.connect(self.mark_done)

    # --- showing ------------------------------------------------------------------------
    def show(self, item: TouchpointDTO, draft: Draft) -> None:
        self.pane.show_draft(item, draft)
        self.pane.show_value(self._suggestion(draft))

    def _update(self, draft: Draft) -> None:
        self.pane.update_draft(draft)
        self.pane.show_value(self._suggestion(draft))

    def _suggestion(self, draft: Draft) -> LibraryItemDTO | None:
        if not draft.takes_item or draft.item_id is not None:
            return None
        try:
            found = self.context.library.suggest(draft.customer_id, limit=1)
        except KnownError:
            return None  # the customer went meanwhile: the list's refresh tells
        return found[0] if found else None

    def _current(self, touchpoint_id: int) -> bool:
        draft = self.pane.draft
        return draft is not None and draft.touchpoint_id == touchpoint_id

    # --- the salesperson's words -----------------------------------------------------------
    def keep_words(self, touchpoint_id: int, subject: str, body: str) -> None:
        """Typing paused (or the draft is used or left): keep the words with the follow-up."""
        self._change(touchpoint_id, lambda: self.context.drafts.edit(touchpoint_id, subject, body))

    def reset(self, touchpoint_id: int) -> None:
        if self._change(touchpoint_id, lambda: self.context.drafts.reset(touchpoint_id)):
            self.status.emit(_("Back to the plan's text."))

    def bring(self, item_id: int | None) -> None:
        draft = self.pane.draft
        if draft is None:
            return
        touchpoint_id = draft.touchpoint_id
        changed = self._change(
            touchpoint_id, lambda: self.context.drafts.bring(touchpoint_id, item_id)
        )
        if changed is not None and item_id is not None:
            self.status.emit(
                _("Put in the draft: {item_title}").format(item_title=changed.item_title)
            )

    def _change(self, touchpoint_id: int, work: Callable[[], Draft]) -> Draft | None:
        try:
            draft = work()
        except KnownError as exc:
            QMessageBox.warning(self.host.window, _("Follow-Up Planner"), shown(exc))
            return None
        if self._current(touchpoint_id):
            self._update(draft)
        return draft

    def choose_item(self) -> None:
        """The library items this customer has not had yet; the chosen one goes in."""
        draft = self.pane.draft
        if draft is None or not draft.takes_item:
            return
        self.pane.flush()
        try:
            suggestions = self.context.library.suggest(draft.customer_id)
        except KnownError as exc:
            QMessageBox.warning(self.host.window, _("Follow-Up Planner"), shown(exc))
            return
        from ui.dialogs.library_choose_dialog import LibraryChooseDialog
        from ui.dialogs.modal import run_and_release

        dialog = LibraryChooseDialog(suggestions, self.host.window)
        if run_and_release(dialog) and dialog.chosen is not None:
            self.bring(dialog.chosen)

    # --- sending ----------------------------------------------------------------------------
    def send(self, how: str) -> None:
        """Open the message in the mail program (or the text, or the call), then ask."""
        draft = self.pane.draft
        if draft is None:
            return
        url = {"mail": draft.mailto, "sms": draft.sms, "tel": draft.tel}[how]
        if not url or (how != "tel" and not self._may_send(draft)):
            return
        if not QDesktopServices.openUrl(QUrl(url)):
            self.status.emit(_("Nothing on this computer answered that link; use Copy instead."))
            return
        if how == "tel":
            self.status.emit(_("Calling {to_phone}.").format(to_phone=draft.to_phone))
            self.pane.ask_if_sent(_("Done with the call? Mark it done and note the outcome."))
            return
        self.status.emit(
            _("Opened the message in your mail program.")
            if how == "mail"
            else _("Opened the text in your messaging app.")
        )
        question = _("Sent it? Mark the follow-up done.")
        if draft.item_id is not None:
            question = _("Sent it? Mark the follow-up done and record {item} as sent.").format(
                item=f"“{draft.item_title}”"
            )
        self.pane.ask_if_sent(question)

    def _may_send(self, draft: Draft) -> bool:
        """Never as it stands with words missing; ask first when it is not signed."""
        if draft.needs_words:
            self.pane.first_slot()
            self.status.emit(
                _("Write the parts in [brackets] first: only you know what goes there.")
            )
            return False
        if draft.needs_profile:
            answer = QMessageBox.question(
                self.host.window,
                _("Your profile is not filled in"),
                _("This message is not signed, or does not say how to reach you. Open it anyway?"),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            return answer == QMessageBox.StandardButton.Open
        return True

    def mark_done(self, touchpoint_id: int) -> None:
        """The salesperson said it went out: done (a call asks for its outcome first)."""
        item = self.host.selected()
        draft = self.pane.draft
        if item is None or item.id != touchpoint_id or draft is None:
            return
        if draft.form == "script" or draft.kind == "feedback":
            self.host.done()  # the call's outcome, or the customer's score, comes first
            return
        channel = draft.channel
        done = self.host.apply_change(
            item, lambda: self.context.touchpoints.done(touchpoint_id, channel=channel)
        )
        if done is not None:
            self.status.emit(_("Marked done: {title}").format(title=item.title))
