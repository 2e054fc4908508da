"""The library item a follow-up brings: chosen in its draft, recorded as sent when it is done."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.rules.planning_context import PlanningContext
from models.repositories import outreach as repo
from models.responsiveness import LibraryItem, LibrarySend
from models.touchpoint import Touchpoint
from models.touchpoint_draft import TouchpointDraft


def record_brought_item(session: Session, row: Touchpoint, ctx: PlanningContext) -> str:
    """A follow-up done with an item in its draft sent that item (once per customer); the
    item's title, or "" when it brought none."""
    edit = session.get(TouchpointDraft, row.id)
    if edit is None or edit.library_item_id is None:
        return ""
    item = session.get(LibraryItem, edit.library_item_id)
    if item is None or repo.sent_to(session, item.id, row.customer_id) is not None:
        return ""
    session.add(
        LibrarySend(
            item_id=item.id, customer_id=row.customer_id, touchpoint_id=row.id, sent_at=ctx.now
        )
    )
    return item.title
