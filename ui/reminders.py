"""Desktop notifications when a touchpoint falls due: once each, honouring the lead time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.context import AppContext
from app.dto.touchpoints import TouchpointDTO
from app.i18n import _, ngettext
from ui.dates import time_text
from ui.ui_state import ui_settings

CHECK_EVERY_MS = 60_000
KEEP_KEYS = 2000
SETTINGS_KEY = "reminders/notified"


def reminder_key(item: TouchpointDTO) -> str:
    # A moved touchpoint (new sequence) deserves a fresh reminder; the same one never twice.
    return f"{item.uid}#{item.sequence}"


def is_due_for_reminder(item: TouchpointDTO, now: dt.datetime, today: dt.date, lead: int) -> bool:
    """Timed items `lead` minutes before their time; all-day items on their day."""
    if item.due_at is None:
        return item.due_date <= today
    return item.due_at - dt.timedelta(minutes=lead) <= now


class ReminderController(QObject):
    """Checks the agenda every minute while the app runs and notifies about new due items."""

    reminded = Signal(int)

    def __init__(self, context: AppContext, notify: Callable[[str, str], None]) -> None:
        super().__init__()
        self._context = context
        self._notify = notify
        stored = ui_settings().value(SETTINGS_KEY, [])
        self._seen: list[str] = [str(key) for key in stored] if isinstance(stored, list) else []
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self._timer.start()
        QTimer.singleShot(2000, self.check)

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> int:
        """Notify about items that became due since the last check; returns how many."""
        ctx = self._context.planning()
        lead = ctx.prefs.reminder_minutes
        horizon = ctx.today + dt.timedelta(days=1)
        seen = set(self._seen)
        fresh = [
            item
            for item in self._context.agenda.touchpoints(start=ctx.today, end=horizon)
            if reminder_key(item) not in seen
            and is_due_for_reminder(item, ctx.now, ctx.today, lead)
        ]
        if not fresh:
            return 0
        if len(fresh) == 1:
            item = fresh[0]
            when = ""
            if item.due_at is not None:
                when = time_text(item.due_at.astimezone(ctx.zone).time()) + " · "
            self._notify(_("Follow-up due"), f"{when}{item.title}")
        else:
            titles = "\n".join(item.title for item in fresh[:3])
            more = len(fresh) - 3
            if more > 0:
                titles += "\n" + _("and {count} more").format(count=more)
            self._notify(
                ngettext("{n} follow-up due", "{n} follow-ups due", len(fresh)).format(
                    n=len(fresh)
                ),
                titles,
            )
        self._seen = (self._seen + [reminder_key(item) for item in fresh])[-KEEP_KEYS:]
        ui_settings().setValue(SETTINGS_KEY, self._seen)
        self.reminded.emit(len(fresh))
        return len(fresh)
