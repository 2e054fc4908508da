"""What the calendar did, applied here: a moved event reschedules, a deleted one is skipped."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from sqlalchemy.orm import Session, sessionmaker

from app.dto.vocabulary import Status
from app.i18n import N_, _, ngettext
from app.rules.completion import after_touchpoint_change
from app.rules.planning_context import PlanningContext
from app.rules.sync_types import Tally
from app.rules.touchpoint_rows import local_time, move
from app.sync.http import SyncError
from app.sync.objects import RemoteEvent
from app.sync.provider import CalendarProvider
from models.calendar_sync import SyncItem, TouchpointEvent
from models.customer import Customer
from models.repositories import sync as repo
from models.touchpoint import Touchpoint

DELETED_REASON = N_("deleted in calendar")
Outcome = Literal["same", "pulled", "kept"]
Slot = tuple[dt.date, dt.time | None]


def note(session: Session, touchpoint_id: int, at: dt.datetime, change: str) -> None:
    session.add(
        TouchpointEvent(touchpoint_id=touchpoint_id, at=at, source="calendar", change=change)
    )


def shown(slot: Slot) -> str:
    day, time = slot
    return (
        f"{day.isoformat()} {time:%H:%M}"
        if time is not None
        else _("{day} (all day)").format(day=day.isoformat())
    )


def apply_remote(
    session: Session, item: SyncItem, remote: RemoteEvent, etag: str, ctx: PlanningContext
) -> Outcome:
    """The calendar's version of one object: its time wins unless the planner changed later."""
    row = session.get(Touchpoint, item.touchpoint_id)
    item.etag = etag
    if row is None:
        return "same"
    there, here = remote.local_slot(ctx.zone), (row.due_date, local_time(row, ctx.zone))
    if there == here:
        return "same"
    if row.status != Status.PLANNED:
        note(
            session,
            row.id,
            ctx.now,
            _(
                "moved to {there} in the calendar after it was {status}; the planner keeps it "
                "as {status}"
            ).format(there=shown(there), status=row.status),
        )
        return "kept"
    if row.sequence > item.pushed_sequence:
        # Both sides changed since the last sync: the newer change wins, the other is noted.
        if remote.changed_at is None or remote.changed_at <= row.updated_at:
            note(
                session,
                row.id,
                ctx.now,
                _(
                    "moved to {there} in the calendar; the planner's later change ({here}) was kept"
                ).format(there=shown(there), here=shown(here)),
            )
            return "kept"
        note(
            session,
            row.id,
            ctx.now,
            _(
                "the planner's change to {here} was replaced by a later change in the calendar"
            ).format(here=shown(here)),
        )
    move(row, there[0], there[1], ctx.zone)
    # The user chose this time in their calendar: re-planning must leave it alone.
    row.pinned = True
    # The calendar already shows this version: nothing to push back (and the next content
    # check records it as seen rather than as a change: app.rules.event_revision).
    item.pushed_sequence = row.sequence
    row.event_hash = ""
    note(
        session,
        row.id,
        ctx.now,
        _("moved to {there} in the calendar (was {here})").format(
            there=shown(there), here=shown(here)
        ),
    )
    return "pulled"


def remote_deleted(
    session: Session, item: SyncItem, ctx: PlanningContext, *, ask: bool
) -> Literal["skipped", "awaiting", "none"]:
    """Skip it (command line), or leave it for the user to answer (window)."""
    row = session.get(Touchpoint, item.touchpoint_id)
    customer = session.get(Customer, row.customer_id) if row is not None else None
    if row is None or row.status != Status.PLANNED or customer is None or customer.deleted_at:
        item.state = "removed"
        return "none"
    if ask:
        item.state = "gone"
        return "awaiting"
    skip_deleted(session, item, row, ctx)
    return "skipped"


def skip_deleted(session: Session, item: SyncItem, row: Touchpoint, ctx: PlanningContext) -> None:
    """Skip a touchpoint whose event was deleted in the calendar, as the skip action does."""
    row.status, row.skip_reason = "skipped", DELETED_REASON
    row.sequence += 1
    row.updated_at = ctx.now  # when it was skipped (Insights' overdue trend reads it)
    item.state, item.pushed_sequence = "removed", row.sequence
    note(session, row.id, ctx.now, _("deleted in the calendar; skipped here"))
    session.flush()
    after_touchpoint_change(session, row, ctx)


def pull(
    sessions: sessionmaker[Session],
    account_id: int,
    remote: CalendarProvider,
    token: str,
    tally: Tally,
    ask: bool,
    ctx: PlanningContext,
) -> str:
    """Apply what changed in the calendar since `token`, object by object; the new token."""
    changes = remote.changes(token)
    with sessions() as session:
        known = {
            path: (item.id, item.uid, item.etag)
            for path, item in repo.items_by_path(session, account_id).items()
            if item.state == "synced"
        }
    stale = [p for p, etag in changes.changed.items() if p in known and known[p][2] != etag]
    gone = {path for path in changes.deleted if path in known}
    if changes.full:
        gone |= known.keys() - changes.changed.keys()
        if known and not changes.changed:
            # An empty calendar where we put events: wiped, replaced or a server fault.
            # Skipping every follow-up on that evidence would do more harm than waiting.
            raise SyncError(
                ngettext(
                    "{label} is empty although {count} follow-up was put there; nothing was "
                    "changed here",
                    "{label} is empty although {count} follow-ups were put there; nothing was "
                    "changed here",
                    len(known),
                ).format(label=remote.label, count=len(known)),
                _("If you emptied it on purpose, remove the account and add it again."),
            )
    fetched, missing = remote.read({path: known[path][1] for path in stale})
    for path, (etag, event) in fetched.items():
        item_id = known[path][0]
        with sessions.begin() as session:
            item = session.get(SyncItem, item_id)
            if item is None:
                continue
            if event is None:
                item.etag = etag  # not readable as our event: leave it as it is
                continue
            tally.pulled += apply_remote(session, item, event, etag, ctx) == "pulled"
    for path in sorted(gone | missing):
        with sessions.begin() as session:
            item = session.get(SyncItem, known[path][0])
            if item is None:
                continue
            outcome = remote_deleted(session, item, ctx, ask=ask)
        tally.pulled += outcome == "skipped"
        if outcome == "awaiting":
            tally.awaiting.append(item.touchpoint_id)
    return changes.token
