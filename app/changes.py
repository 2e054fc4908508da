"""The change feed: every committed write, as `Changes`, to whoever listens (the window)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from app.dto.changes import Area, Changes
from models.write_log import Written

log = logging.getLogger(__name__)

# Which area each table belongs to; a table missing here is reported by a test.
TABLE_AREAS = {
    "customer": Area.CUSTOMERS,
    "sale": Area.SALES,
    "touchpoint": Area.TOUCHPOINTS,
    "touchpoint_draft": Area.TOUCHPOINTS,
    "undo_entry": Area.TOUCHPOINTS,
    "plan": Area.PLANS,
    "plan_step": Area.PLANS,
    "plan_step_text": Area.PLANS,
    "setting": Area.SETTINGS,
    "commitment": Area.COMMITMENTS,
    "inbound_request": Area.COMMITMENTS,
    "decline": Area.COMMITMENTS,
    "interaction": Area.OUTREACH,
    # Written only by triggers on interaction (and customer): it follows the contacts.
    "contact_link": Area.OUTREACH,
    "library_item": Area.OUTREACH,
    "library_send": Area.OUTREACH,
    "feedback": Area.OUTREACH,
    "referral_answer": Area.OUTREACH,
    "partner": Area.OUTREACH,
    "calendar_account": Area.ACCOUNTS,
    "sync_item": Area.ACCOUNTS,
    "touchpoint_event": Area.ACCOUNTS,
}

Listener = Callable[[Changes], None]


def changes_of(written: Written) -> Changes:
    """The areas and customers a unit of work's writes touched."""
    areas = frozenset(TABLE_AREAS[table] for table in written.tables if table in TABLE_AREAS)
    return Changes(areas, written.customer_ids, written.all_customers)


class ChangeFeed:
    """Hands each committed change to every listener, on the thread that committed it.

    A listener that fails is logged, never passed to the writer: its change is committed."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Listen from now on; returns the call that stops it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def written(self, written: Written) -> None:
        """The sessions' hook: a unit of work committed these writes."""
        self.publish(changes_of(written))

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        with self._lock:
            listeners = tuple(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:
                log.exception("a change listener failed")
