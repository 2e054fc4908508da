"""Edit -> Undo for the window: the newest of this session's follow-up actions (done, skip,
snooze, change of date) and customer deletions, named in the menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.context import AppContext
from app.dto.changes import Area, Changes
from app.dto.touchpoints import UndoableAction
from app.errors import KnownError
from app.i18n import _
from ui.error_text import shown


class UndoTracker(QObject):
    """Follow-up actions come from the database (the CLI's count too, but only those made
    since the window opened the file); a deletion is the customer list's own."""

    # The menu text ("&Undo mark done") and whether there is anything to undo.
    changed = Signal(str, bool)
    status = Signal(str)

    def __init__(self, context: AppContext, window: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.context, self.window = context, window
        newest = context.touchpoints.last_undoable()
        # Actions from before this window opened the file are not offered.
        self._baseline = newest.entry_id if newest is not None else 0
        self._follow_up: UndoableAction | None = None
        # Which came last: a counter stamps each new candidate as it is seen.
        self._clock = 0
        self._follow_up_seen = (0, 0)  # (entry id, stamp)
        self._deletion_stamp: int | None = None
        self._undo_delete: Callable[[], None] | None = None

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Area.TOUCHPOINTS):
            self.refresh()

    def deletion(self, available: bool, undo_delete: Callable[[], None]) -> None:
        """The customer list deleted someone (or its undo was used)."""
        if available:
            self._clock += 1
            self._deletion_stamp = self._clock
            self._undo_delete = undo_delete
        else:
            self._deletion_stamp, self._undo_delete = None, None
        self._emit()

    def refresh(self) -> None:
        newest = self.context.touchpoints.last_undoable()
        if newest is None or newest.entry_id <= self._baseline:
            self._follow_up = None
        else:
            self._follow_up = newest
            if newest.entry_id != self._follow_up_seen[0]:
                self._clock += 1
                self._follow_up_seen = (newest.entry_id, self._clock)
        self._emit()

    def _deletion_is_newest(self) -> bool:
        if self._deletion_stamp is None:
            return False
        return self._follow_up is None or self._deletion_stamp > self._follow_up_seen[1]

    def text(self) -> str:
        if self._deletion_is_newest():
            return _("&Undo delete")
        if self._follow_up is not None:
            return _("&Undo {action}").format(action=self._follow_up.label)
        return _("&Undo")

    def _emit(self) -> None:
        self.changed.emit(self.text(), self._deletion_is_newest() or self._follow_up is not None)

    def undo(self) -> None:
        """Take back the newest; a refusal says why in one line."""
        if self._deletion_is_newest():
            assert self._undo_delete is not None
            self._undo_delete()
            return
        action = self._follow_up
        if action is None:
            return
        try:
            item, label = self.context.touchpoints.undo(action.touchpoint_id)
        except KnownError as exc:
            QMessageBox.warning(self.window, _("Undo"), shown(exc))
            self.refresh()
            return
        if item is None:
            self.status.emit(_("Undone: {action}.").format(action=label))
        else:
            self.status.emit(
                _("Undone: {action} ({title}).").format(action=label, title=item.title)
            )
