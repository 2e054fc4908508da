"""The one interface every calendar service offers the sync rules: create, update, delete, changes.

CalDAV, Google Calendar and Microsoft Graph each implement it (caldav_provider,
google_provider, graph_provider); app/rules/sync_push.py and sync_pull.py are written once
above it, so idempotence, conflicts and history behave the same whatever the calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, Protocol

from app.export.calendar_event import CalendarEvent
from app.sync.objects import RemoteEvent

# ok: done. exists: a create found something under that identity already (a retried insert).
# refused: the identity itself is refused (deleted there before, kept in a trash bin).
# conflict: the event changed there since our version (a failed precondition).
# missing: it is not there (any more). failed: any other refusal (`status` says which).
Outcome = Literal["ok", "exists", "refused", "conflict", "missing", "failed"]


@dataclass(frozen=True)
class Answer:
    """What a write did: its outcome, and on success where the event is and its version."""

    outcome: Outcome
    ref: str = ""
    etag: str = ""
    status: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


@dataclass(frozen=True)
class Outgoing:
    """One touchpoint's event as the planner wants it in the calendar."""

    event: CalendarEvent
    touchpoint_id: int
    now: dt.datetime


@dataclass
class Delta:
    """What changed since a token: ref -> version, refs gone; `full`: a complete listing."""

    token: str
    changed: dict[str, str] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)
    full: bool = False


# (version, our event as read there, or None when the object is not one of ours)
Found = tuple[str, RemoteEvent | None]


class CalendarProvider(Protocol):
    """One calendar of one account; refs are the service's names for events (path or id)."""

    @property
    def host(self) -> str: ...

    @property
    def label(self) -> str:
        """The calendar, for messages ("the calendar Sales follow-ups")."""
        ...

    def marker(self) -> tuple[str, str] | None:
        """(ctag, sync token) when one cheap request tells whether anything changed; None when
        the changes request itself is that one request."""
        ...

    def ref_for(self, uid: str) -> str:
        """Where a new event for this UID goes ("" when the service names it on creation)."""
        ...

    def fresh_ref(self, uid: str) -> str:
        """Another place for this UID when its usual one is taken by something else."""
        ...

    def changes(self, token: str) -> Delta:
        """What changed since `token`; an empty token lists everything."""
        ...

    def read(self, refs: dict[str, str]) -> tuple[dict[str, Found], set[str]]:
        """({ref: (version, event)}, refs gone) for the given {ref: UID}; never guesses."""
        ...

    def get(self, ref: str, uid: str) -> Found | None:
        """One event's current version (None: not there)."""
        ...

    def create(self, ref: str, item: Outgoing) -> Answer:
        """Create, never overwriting: "exists" when something is already there."""
        ...

    @property
    def batch(self) -> int:
        """How many creates `create_many` sends in one request (1: no batching)."""
        ...

    def create_many(self, items: list[tuple[str, Outgoing]]) -> list[Answer]:
        """Several creates in one round trip, one answer each, in order. Every create is
        idempotent (a fixed name, id or transactionId), so a batch whose answer is lost is
        simply sent again."""
        ...

    def update(self, ref: str, etag: str, item: Outgoing) -> Answer:
        """Replace only the version `etag` ("" or "*": whatever is there)."""
        ...

    def delete(self, ref: str, etag: str) -> Answer: ...

    def safe(self, text: str) -> str:
        """Text about this connection with any credential taken out."""
        ...

    def close(self) -> None: ...
