"""What the sync passes around: a running tally, one account's target, one unit of push work."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app.dto.touchpoints import TouchpointDTO
from models.repositories.touchpoints import AGENDA_COLUMNS


@dataclass
class Tally:
    """What a sync did so far (a failure midway still reports what was done)."""

    created: int = 0
    updated: int = 0
    deleted: int = 0
    pulled: int = 0
    errors: list[str] = field(default_factory=list)
    awaiting: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Target:
    """One account's calendar as the push needs it."""

    account_id: int
    keep_done: bool
    calendar_name: str
    # The last day a planned follow-up is put in the calendar (overdue ones always are).
    until: dt.date


@dataclass(frozen=True)
class Work:
    """A touchpoint and what this calendar holds of it (item_id None: nothing yet)."""

    tp: TouchpointDTO
    customer_deleted: bool
    item_id: int | None
    item_uid: str
    path: str
    etag: str
    state: str

    @classmethod
    def of(cls, row: Any) -> Work:
        width = len(AGENDA_COLUMNS)
        deleted_at, item_id, uid, href, etag, _pushed, state = row[width:]
        tp = TouchpointDTO._make(row[:width])
        return cls(tp, deleted_at is not None, item_id, uid or "", href or "", etag or "", state)


def real_now() -> dt.datetime:
    # Compared with the server's and other apps' clocks, so never the app's (fixable) Clock.
    return dt.datetime.now(dt.UTC)
