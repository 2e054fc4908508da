"""Calendar sync queries: accounts, what each calendar holds, and what still has to be pushed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, not_, or_, select
from sqlalchemy.orm import Session

from models.calendar_sync import CalendarAccount, SyncItem, TouchpointEvent
from models.customer import Customer
from models.repositories.touchpoints import AGENDA_COLUMNS
from models.touchpoint import Touchpoint

# After the agenda columns (TouchpointDTO's fields), a push row carries these.
PUSH_EXTRA = (
    Customer.deleted_at,
    SyncItem.id,
    SyncItem.uid,
    SyncItem.href,
    SyncItem.etag,
    SyncItem.pushed_sequence,
    SyncItem.state,
)


def accounts(session: Session) -> Sequence[CalendarAccount]:
    return session.scalars(select(CalendarAccount).order_by(CalendarAccount.id)).all()


def items_by_path(session: Session, account_id: int) -> dict[str, SyncItem]:
    statement = select(SyncItem).where(SyncItem.account_id == account_id)
    return {item.href: item for item in session.scalars(statement)}


def _push_filter(account_id: int, keep_done: bool, until: dt.date) -> Any:
    """Touchpoints whose calendar object must be created, updated or deleted; planned ones
    are wanted up to `until` (the planning horizon), overdue ones always."""
    live = and_(
        Touchpoint.status == "planned",
        Customer.deleted_at.is_(None),
        Touchpoint.due_date <= until,
    )
    synced = SyncItem.state == "synced"
    wanted = or_(live, and_(Touchpoint.status == "done", synced)) if keep_done else live
    changed = or_(Touchpoint.sequence > SyncItem.pushed_sequence, Touchpoint.uid != SyncItem.uid)
    return or_(
        and_(live, or_(SyncItem.id.is_(None), SyncItem.state == "removed")),
        and_(wanted, synced, changed),
        and_(not_(wanted), synced),
    )


def wanted_rows(
    session: Session, account_id: int, keep_done: bool, until: dt.date, after_id: int, limit: int
) -> Sequence[Any]:
    """A page of the touchpoints this calendar shows or keeps (AGENDA_COLUMNS), in id order:
    those whose content may change while it holds them."""
    live = and_(
        Touchpoint.status == "planned",
        Customer.deleted_at.is_(None),
        Touchpoint.due_date <= until,
    )
    wanted = or_(live, Touchpoint.status == "done") if keep_done else live
    statement = (
        _push_select(account_id, *AGENDA_COLUMNS)
        .where(or_(live, and_(wanted, SyncItem.state == "synced")), Touchpoint.id > after_id)
        .order_by(Touchpoint.id)
        .limit(limit)
    )
    return session.execute(statement).all()


def _push_select(account_id: int, *columns: Any) -> Any:
    return (
        select(*columns)
        .select_from(Touchpoint)
        .join(Customer, Customer.id == Touchpoint.customer_id)
        .outerjoin(
            SyncItem,
            and_(SyncItem.touchpoint_id == Touchpoint.id, SyncItem.account_id == account_id),
        )
    )


def push_rows(
    session: Session, account_id: int, keep_done: bool, until: dt.date, after_id: int, limit: int
) -> Sequence[Any]:
    """A page of push work in touchpoint order: AGENDA_COLUMNS then PUSH_EXTRA."""
    statement = (
        _push_select(account_id, *AGENDA_COLUMNS, *PUSH_EXTRA)
        .where(_push_filter(account_id, keep_done, until), Touchpoint.id > after_id)
        .order_by(Touchpoint.id)
        .limit(limit)
    )
    return session.execute(statement).all()


def push_count(session: Session, account_id: int, keep_done: bool, until: dt.date) -> int:
    statement = _push_select(account_id, func.count()).where(
        _push_filter(account_id, keep_done, until)
    )
    return int(session.execute(statement).scalar_one())


def item_of(session: Session, account_id: int, touchpoint_id: int) -> SyncItem | None:
    statement = select(SyncItem).where(
        SyncItem.account_id == account_id, SyncItem.touchpoint_id == touchpoint_id
    )
    return session.scalars(statement).first()


def awaiting(session: Session, account_id: int | None = None) -> Sequence[SyncItem]:
    """Deleted in a calendar while still planned here: the user has not answered yet."""
    statement = (
        select(SyncItem)
        .join(Touchpoint, Touchpoint.id == SyncItem.touchpoint_id)
        .where(SyncItem.state == "gone")
        .order_by(SyncItem.touchpoint_id)
    )
    if account_id is not None:
        statement = statement.where(SyncItem.account_id == account_id)
    return session.scalars(statement).all()


def history(session: Session, touchpoint_id: int) -> Sequence[TouchpointEvent]:
    statement = (
        select(TouchpointEvent)
        .where(TouchpointEvent.touchpoint_id == touchpoint_id)
        .order_by(TouchpointEvent.at, TouchpointEvent.id)
    )
    return session.scalars(statement).all()


def record_pushed(
    session: Session,
    account_id: int,
    rows: list[tuple[int, str, str, str, int]],
    at: dt.datetime,
) -> None:
    """Many created events at once: (touchpoint id, UID, href, ETag, sequence) each; a row
    another sync recorded meanwhile is brought up to date rather than duplicated."""
    from sqlalchemy.dialects.sqlite import insert

    statement = insert(SyncItem).values(
        [
            {
                "account_id": account_id, "touchpoint_id": tp_id, "uid": uid, "href": href,
                "etag": etag, "state": "synced", "pushed_sequence": sequence, "pushed_at": at,
            }
            for tp_id, uid, href, etag, sequence in rows
        ]
    )  # fmt: skip
    excluded = statement.excluded
    session.execute(
        statement.on_conflict_do_update(
            index_elements=[SyncItem.account_id, SyncItem.touchpoint_id],
            set_={
                "uid": excluded.uid,
                "href": excluded.href,
                "etag": excluded.etag,
                "state": excluded.state,
                "pushed_sequence": excluded.pushed_sequence,
                "pushed_at": excluded.pushed_at,
            },
        )
    )
