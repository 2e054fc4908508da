"""SEQUENCE and LAST-MODIFIED follow what a calendar user sees, whatever changed it.

Touchpoint edits raise SEQUENCE where they happen; a change elsewhere (the customer renamed,
a new phone number, the sale's description, a template) changes the event without touching
the touchpoint. Each export and sync therefore compares the event's content hash with the
one last seen, and raises SEQUENCE once for a change that nothing counted yet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.dto.touchpoints import TouchpointDTO
from app.export.touchpoint_events import content_hash
from app.rules.draft_batch import TouchpointContent
from models.repositories.keep_in_touch import chunks
from models.touchpoint import Touchpoint


def content_hashes(
    items: Iterable[TouchpointDTO], contents: Mapping[int, TouchpointContent]
) -> dict[int, str]:
    """Each touchpoint's event content hash, from the rendered drafts and sale summaries."""
    return {
        item.id: content_hash(
            item,
            contents[item.id].sale_summary,
            contents[item.id].draft.subject,
            contents[item.id].draft.body,
        )
        for item in items
    }


def revise(
    session: Session, hashes: Mapping[int, str], now: dt.datetime
) -> dict[int, tuple[int, dt.datetime]]:
    """Record each touchpoint's content hash (id -> hash); returns (SEQUENCE, LAST-MODIFIED)
    for those whose content changed unseen, after raising them."""
    raised: dict[int, tuple[int, dt.datetime]] = {}
    changes: list[dict[str, object]] = []
    for part in chunks(sorted(hashes)):
        statement = select(
            Touchpoint.id,
            Touchpoint.sequence,
            Touchpoint.event_hash,
            Touchpoint.event_sequence,
            Touchpoint.updated_at,
        ).where(Touchpoint.id.in_(part))
        for row_id, sequence, seen, seen_at, updated_at in session.execute(statement):
            current = hashes[row_id]
            if current == seen:
                continue
            if seen and sequence <= seen_at:
                # Changed, and no edit of the touchpoint counted it: this is the change.
                sequence += 1
                raised[row_id] = (sequence, now)
                updated_at = now
            changes.append(
                {
                    "id": row_id,
                    "sequence": sequence,
                    "event_hash": current,
                    "event_sequence": sequence,
                    # Given, so the column's onupdate does not move it for a hash recorded.
                    "updated_at": updated_at,
                }
            )
    if changes:
        session.execute(update(Touchpoint), changes)
    return raised
