"""Done, snooze, skip and change of date for one follow-up, wherever it is shown.

Today and a customer page run the same dialogs and the same service calls; each screen says
how a change is applied (Today keeps the user's place in the list) and where the outcome
line goes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.context import AppContext
from app.dto.touchpoints import TouchpointDTO
from app.dto.vocabulary import Kind
from app.i18n import _
from ui.dialogs.done_dialog import DoneDialog
from ui.dialogs.modal import run_and_release
from ui.dialogs.skip_dialog import SkipDialog
from ui.dialogs.snooze_dialog import SnoozeDialog

Work = Callable[[], TouchpointDTO]
# Runs one change for the item; the changed follow-up, or None when it was refused (and
# the refusal shown).
Apply = Callable[[TouchpointDTO, Work], TouchpointDTO | None]
ShortDay = Callable[[dt.date], str]


class FollowUpFlows(QObject):
    """The dialogs and calls; `status` carries the one-line outcome."""

    status = Signal(str)

    def __init__(
        self,
        context: AppContext,
        window: QWidget,
        apply: Apply,
        short_day: ShortDay,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.window = context, window
        self._apply, self._short_day = apply, short_day

    def done(self, item: TouchpointDTO) -> None:
        if item.kind == Kind.FEEDBACK:
            self.record_feedback(item)
            return
        dialog = DoneDialog(item, self.window)
        try:
            if not dialog.exec():
                return
            note, channel = dialog.note_text(), dialog.channel_used()
            answer = dialog.referral_answer()
        finally:
            dialog.deleteLater()

        def work() -> TouchpointDTO:
            done = self.context.touchpoints.done(item.id, note, channel)
            if answer is not None:
                self.context.referrals.answer(item.id, answer, note)
            return done

        if self._apply(item, work):
            self.status.emit(_("Marked done: {title}").format(title=item.title))

    def record_feedback(self, item: TouchpointDTO) -> None:
        """The feedback follow-up's 'done': a score and what they said."""
        from ui.dialogs.feedback_dialog import FeedbackDialog

        dialog = FeedbackDialog(item.title, self.window)
        try:
            if not dialog.exec():
                return
            score, note = dialog.score_value(), dialog.note_text()
        finally:
            dialog.deleteLater()
        outcome: list[str] = []

        def work() -> TouchpointDTO:
            if score is None:
                # No score, no feedback on record: the request is simply done, with their words.
                said = _("No score given. {note}").format(note=note) if note else ""
                return self.context.touchpoints.done(item.id, note=said or _("No score given."))
            result = self.context.feedback.record(item.id, score, note)
            if result.skipped:
                outcome.append(_("referral ask called off, recovery call planned"))
            elif result.moved:
                outcome.append(_("referral ask brought forward"))
            return self.context.touchpoints.get(item.id)

        if self._apply(item, work) is not None:
            if score is None:
                text = _("Feedback request done; no score given")
            else:
                text = _("Feedback recorded: {score}/5").format(score=score)
            self.status.emit("; ".join([text, *outcome]) + ".")

    def skip(self, item: TouchpointDTO) -> None:
        dialog = SkipDialog(item, self.window)
        try:
            if not dialog.exec():
                return
            reason = dialog.reason_text()
        finally:
            dialog.deleteLater()
        if self._apply(item, lambda: self.context.touchpoints.skip(item.id, reason)):
            self.status.emit(_("Skipped: {title}").format(title=item.title))

    def snooze_next(self, item: TouchpointDTO, today: dt.date) -> None:
        if item.due_date > today:
            # The service's no-argument snooze counts from today and would pull it earlier.
            self._snooze(item, lambda: self.context.touchpoints.snooze(item.id, days=1))
        else:
            self._snooze(item, lambda: self.context.touchpoints.snooze(item.id))

    def snooze_by(self, item: TouchpointDTO, days: int) -> None:
        self._snooze(item, lambda: self.context.touchpoints.snooze(item.id, days=days))

    def snooze_until(self, item: TouchpointDTO, today: dt.date) -> None:
        day = self._pick_day(item, today, change_date=False)
        if day is not None:
            self._snooze(item, lambda: self.context.touchpoints.snooze(item.id, until=day))

    def change_date(self, item: TouchpointDTO, today: dt.date) -> None:
        """Another day, kept as picked (a day off too), at the same time of day."""
        day = self._pick_day(item, today, change_date=True)
        if day is None:
            return
        zone = self.context.settings.get().zone
        at = None if item.due_at is None else item.due_at.astimezone(zone).time()
        moved = self._apply(item, lambda: self.context.touchpoints.reschedule(item.id, day, at))
        if moved is not None:
            text = _("Moved to {short_day}: {title}").format(
                short_day=self._short_day(moved.due_date), title=item.title
            )
            self.status.emit(text)

    def _pick_day(self, item: TouchpointDTO, today: dt.date, change_date: bool) -> dt.date | None:
        proposed = max(item.due_date, today) + dt.timedelta(days=7)
        dialog = SnoozeDialog(item.title, today, proposed, self.window, change_date=change_date)
        return dialog.day() if run_and_release(dialog) else None

    def _snooze(self, item: TouchpointDTO, work: Work) -> None:
        moved = self._apply(item, work)
        if moved is not None:
            text = _("Snoozed to {short_day}: {title}").format(
                short_day=self._short_day(moved.due_date), title=item.title
            )
            self.status.emit(text)
