"""Today's commands as actions: names, shortcuts (shown in the tooltips), the snooze menu
and their places on the screen's toolbar; the controller says what each one does."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from app.dto.touchpoints import Draft
from app.i18n import _
from ui.look.icons import icon
from ui.views.today_view import TodayView

Shortcut = str | QKeySequence.StandardKey


class TodayActions(QObject):
    """Built once per Today screen; `update` enables what the selection allows."""

    def __init__(self, view: TodayView, extra_tools: Sequence[QAction], parent: QObject) -> None:
        super().__init__(parent)
        self.view = view
        self.done = self._action(
            _("Mark &done…"), ["Ctrl+D"], _("Mark the follow-up done and log it")
        )
        self.snooze_next = self._action(
            _("Snooze to &next working day"),
            ["Ctrl+Shift+S", "Ctrl+1"],
            _("Move the follow-up to the next working day"),
        )
        self.snooze_3 = self._action(
            _("Snooze &3 days"), ["Ctrl+3"], _("Move the follow-up 3 days later")
        )
        self.snooze_week = self._action(
            _("Snooze a &week"), ["Ctrl+7"], _("Move the follow-up a week later")
        )
        self.snooze_pick = self._action(
            _("Snooze &until…"), ["Ctrl+Shift+D"], _("Pick the day to do it")
        )
        self.change_date = self._action(
            _("C&hange date…"), [], _("Move it to the day you pick, a day off too")
        )
        self.skip = self._action(_("S&kip…"), ["Ctrl+K"], _("Skip the follow-up, saying why"))
        self.add = self._action(
            _("&Add follow-up…"),
            ["Ctrl+Shift+N"],
            _("Add a follow-up by hand, for any customer and day"),
        )
        self.copy_draft = self._action(
            _("&Copy message"), ["Ctrl+Shift+C"], _("Copy subject and message")
        )
        self.open_mail = self._action(
            _("Open in &mail client"),
            ["Ctrl+Shift+E"],
            _("Start an e-mail with the message"),
        )
        self.refresh = self._action(
            _("&Refresh"), [QKeySequence.StandardKey.Refresh], _("Reload the list")
        )
        for action, glyph in (
            (self.done, "check"),
            (self.skip, "skip-forward"),
            (self.add, "plus"),
        ):
            action.setIcon(icon(glyph))
        view.snooze_button.setIcon(icon("alarm-clock"))
        for action in extra_tools:
            action.setIcon(icon("lightbulb"))
        self.snooze_menu = QMenu(_("&Snooze"), view)
        for action in self.snoozes():
            self.snooze_menu.addAction(action)
        self.snooze_menu.addSeparator()
        self.snooze_menu.addAction(self.change_date)
        view.snooze_button.setMenu(self.snooze_menu)
        view.snooze_button.setToolTip(
            self.snooze_next.toolTip() + "\n" + _("More choices under the arrow")
        )
        view.snooze_button.clicked.connect(self.snooze_next.trigger)
        view.toolbar.insertAction(view.snooze_slot, self.done)
        view.toolbar.addAction(self.skip)
        view.toolbar.addAction(self.add)
        for action in extra_tools:
            view.toolbar.addAction(action)

    def _action(self, text: str, shortcuts: Sequence[Shortcut], tip: str) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(key) for key in shortcuts])
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{tip} ({keys})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        return action

    def snoozes(self) -> list[QAction]:
        return [self.snooze_next, self.snooze_3, self.snooze_week, self.snooze_pick]

    def all(self) -> list[QAction]:
        """In menu order."""
        return [
            self.done, *self.snoozes(), self.change_date, self.skip, self.add, self.copy_draft,
            self.open_mail,
            self.refresh,
        ]  # fmt: skip

    def update(self, shown: bool, chosen: bool, draft: Draft | None) -> None:
        """Enable what applies: a follow-up is selected, a draft is shown, it can be mailed."""
        for action in (self.done, self.skip, self.change_date, *self.snoozes()):
            action.setEnabled(chosen)
        self.view.snooze_button.setEnabled(chosen)
        self.copy_draft.setEnabled(shown and draft is not None)
        self.open_mail.setEnabled(shown and draft is not None and bool(draft.mailto))
        self.refresh.setEnabled(shown)
        self.add.setEnabled(shown)
