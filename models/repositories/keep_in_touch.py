"""Set-based queries behind keep-in-touch: one query per fact for many customers at once."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from models.interaction import Interaction
from models.repositories import bulk
from models.touchpoint import Touchpoint

# SQLite allows 32,766 bound parameters; stay well below it.
CHUNK = 5000


def chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _as_utc(value: Any) -> dt.datetime:
    # Aggregates bypass the UTC column type: SQLite hands back text or a naive datetime.
    parsed = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return parsed.replace(tzinfo=dt.UTC)


class KitRow(NamedTuple):
    """The parts of a planned keep-in-touch touchpoint the rules look at."""

    id: int
    customer_id: int
    kind: str
    channel: str
    due_date: dt.date
    due_at: dt.datetime | None
    sequence: int
    pinned: bool


def planned_kit_rows(session: Session, ids: Sequence[int]) -> dict[int, list[KitRow]]:
    found: dict[int, list[KitRow]] = defaultdict(list)
    columns = [getattr(Touchpoint, name) for name in KitRow._fields]
    for part in chunks(ids):
        statement = select(*columns).where(
            Touchpoint.customer_id.in_(part),
            Touchpoint.status == "planned",
            Touchpoint.sale_id.is_(None),
            Touchpoint.kind.in_(("check_in", "birthday")),
            # A check-in with its own subject (a declined request's come-back) is not ours.
            Touchpoint.subject == "",
        )
        for row in session.connection().execute(statement.order_by(Touchpoint.id)):
            found[row.customer_id].append(KitRow._make(row))
    return found


def apply_changes(
    session: Session,
    *,
    skips: Sequence[dict[str, Any]],
    moves: Sequence[dict[str, Any]],
    inserts: Sequence[dict[str, Any]],
) -> None:
    """Write keep-in-touch changes in three executemany statements (not one per row)."""
    connection = session.connection()
    if skips:
        connection.execute(
            update(Touchpoint)
            .where(Touchpoint.id == bindparam("row_id"))
            .values(
                status="skipped",
                skip_reason=bindparam("reason"),
                sequence=Touchpoint.sequence + 1,
                updated_at=bindparam("now"),
            ),
            list(skips),
        )
    if moves:
        connection.execute(
            update(Touchpoint)
            .where(Touchpoint.id == bindparam("row_id"))
            .values(
                due_date=bindparam("day"),
                due_at=bindparam("at"),
                channel=bindparam("new_channel"),
                sequence=bindparam("new_sequence"),
                updated_at=bindparam("now"),
            ),
            list(moves),
        )
    bulk.insert_touchpoints(session, inserts)
    # ORM objects of these rows, if any are loaded, must not show (or write back) old values.
    touched = {change["row_id"] for change in (*skips, *moves)}
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Touchpoint) and obj.id in touched:
            session.expire(obj)


def planned_days(
    session: Session, ids: Sequence[int], exclude: set[int]
) -> dict[int, list[dt.date]]:
    found: dict[int, list[dt.date]] = defaultdict(list)
    for part in chunks(ids):
        statement = select(Touchpoint.id, Touchpoint.customer_id, Touchpoint.due_date).where(
            Touchpoint.customer_id.in_(part), Touchpoint.status == "planned"
        )
        for row_id, customer_id, day in session.execute(statement):
            if row_id not in exclude:
                found[customer_id].append(day)
    return found


def last_contacts(session: Session, ids: Sequence[int]) -> dict[int, dt.datetime]:
    found = {}
    for part in chunks(ids):
        statement = (
            select(Interaction.customer_id, func.max(Interaction.occurred_at))
            .where(Interaction.customer_id.in_(part))
            .group_by(Interaction.customer_id)
        )
        found.update({cid: _as_utc(value) for cid, value in session.execute(statement)})
    return found


def latest_days(
    session: Session,
    ids: Sequence[int],
    *,
    statuses: Sequence[str],
    kind: str | None,
    of_sales: bool,
) -> dict[int, dt.date]:
    """Latest due day per customer among touchpoints with the given statuses (and kind)."""
    found = {}
    for part in chunks(ids):
        statement = select(Touchpoint.customer_id, func.max(Touchpoint.due_date)).where(
            Touchpoint.customer_id.in_(part), Touchpoint.status.in_(statuses)
        )
        if kind is not None:
            statement = statement.where(Touchpoint.kind == kind)
        if of_sales:
            statement = statement.where(Touchpoint.sale_id.is_not(None))
        statement = statement.group_by(Touchpoint.customer_id)
        found.update({cid: _as_date(value) for cid, value in session.execute(statement)})
    return found
