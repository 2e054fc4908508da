"""Rows written straight to the driver read back through the ORM exactly as written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.commitment import Commitment
from models.customer import Customer
from models.db import make_engine, make_sessions
from models.repositories import bulk
from models.repositories import keep_in_touch as kit_repo
from models.repositories.bulk import NewCommitment, NewTouchpoint, TouchpointMove
from models.touchpoint import Touchpoint

BERLIN = ZoneInfo("Europe/Berlin")
NOW = dt.datetime(2026, 11, 23, 9, 0, 0, 123456, tzinfo=dt.UTC)
D1, D2 = dt.date(2026, 12, 1), dt.date(2026, 12, 9)


@pytest.fixture
def sessions(db_path: Path) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(db_path)
    yield make_sessions(engine)
    engine.dispose()


@pytest.fixture
def customer_id(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as session:
        customer = Customer(name="Ana", created_at=NOW, updated_at=NOW)
        session.add(customer)
        session.flush()
        return customer.id


def test_touchpoints_inserted_and_moved_in_bulk_read_back_through_the_orm(
    sessions: sessionmaker[Session], customer_id: int
) -> None:
    at = dt.datetime(2026, 12, 1, 9, 30, tzinfo=BERLIN)
    timed_row = NewTouchpoint("a@x", customer_id, None, None, "check_in", 0, "email", at.date(), at)
    all_day_row = NewTouchpoint(
        "b@x", customer_id, None, None, "birthday", 2, "phone", dt.date(2027, 3, 10), None, True
    )
    rows = [timed_row, all_day_row]
    with sessions.begin() as session:
        bulk.insert_touchpoints(session, rows)
    with sessions() as session:
        timed, all_day = session.scalars(select(Touchpoint).order_by(Touchpoint.id)).all()
        assert (timed.uid, timed.kind, timed.channel, timed.occurrence) == (
            "a@x",
            "check_in",
            "email",
            0,
        )
        assert timed.due_date == at.date() and timed.due_at == at
        assert timed.due_at is not None and timed.due_at.tzinfo == dt.UTC
        assert (timed.status, timed.sequence, timed.pinned, timed.subject) == (
            "planned",
            0,
            False,
            "",
        )
        assert (all_day.due_at, all_day.pinned, all_day.occurrence) == (None, True, 2)
        ids = [timed.id, all_day.id]
    with sessions.begin() as session:
        moves = [TouchpointMove(ids[0], dt.date(2026, 12, 3), None, "letter", 4)]
        bulk.move_touchpoints(session, moves, NOW)
    with sessions() as session:
        moved = session.get_one(Touchpoint, ids[0])
        assert (moved.due_date, moved.due_at, moved.channel, moved.sequence) == (
            dt.date(2026, 12, 3), None, "letter", 4,
        )  # fmt: skip
        assert moved.updated_at == NOW


def test_commitments_inserted_in_bulk_read_back_through_the_orm(
    sessions: sessionmaker[Session], customer_id: int
) -> None:
    promise = NewCommitment(
        customer_id, None, "Deliver", dt.date(2026, 12, 1), 0, "on_track", "", NOW
    )
    with sessions.begin() as session:
        bulk.insert_commitments(session, [promise])
    with sessions() as session:
        row = session.scalars(select(Commitment)).one()
        assert (row.customer_id, row.sale_id, row.text, row.due_on) == promise[:4]
        assert (row.buffer_days, row.status, row.note) == (0, "on_track", "")
        assert (row.created_at, row.recovered, row.resolved_at) == (NOW, False, None)


def test_customer_rows_and_history_match_the_orm(
    sessions: sessionmaker[Session], customer_id: int
) -> None:
    at = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
    with sessions.begin() as session:
        bulk.insert_touchpoints(
            session,
            [NewTouchpoint("c@x", customer_id, None, None, "check_in", 0, "email", at.date(), at)],
        )
    with sessions() as session:
        orm = session.get_one(Customer, customer_id)
        row = kit_repo.live_customers(session, [customer_id, customer_id, 999])[customer_id]
        assert list(kit_repo.live_customers(session, [customer_id, 999])) == [customer_id]
        for name in kit_repo.CustomerRow._fields:
            assert getattr(row, name) == getattr(orm, name), name
        history = kit_repo.history(session, [customer_id])
        (kit_row,) = history.kit_rows[customer_id]
        touchpoint = session.get_one(Touchpoint, kit_row.id)
        for name in kit_repo.KitRow._fields:
            assert getattr(kit_row, name) == getattr(touchpoint, name), name


def _planned(session: Session) -> list[tuple[object, ...]]:
    rows = session.scalars(select(Touchpoint).order_by(Touchpoint.id)).all()
    return [
        (t.uid, t.customer_id, t.step_id, t.kind, t.occurrence, t.channel, t.due_date, t.due_at)
        for t in rows
    ]


def test_touchpoint_rows_insert_shared_shapes_in_the_order_added(
    sessions: sessionmaker[Session], customer_id: int
) -> None:
    at = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)
    rows = bulk.TouchpointRows("pre-", 0xFFE, "@x")
    first = rows.shape([(None, "thank_you", 0, "email", D1, None)])
    second = rows.shape(
        [(None, "check_in", 1, "phone", at.date(), at), (None, "feedback", 2, "letter", D2, None)]
    )
    empty = rows.shape([])
    for shape in (second, empty, first, second):
        rows.add(customer_id, None, shape)
    assert len(rows) == 5
    with sessions.begin() as session:
        rows.insert(session)
    with sessions() as session:
        assert _planned(session) == [
            ("pre-000000000ffe@x", customer_id, None, "check_in", 1, "phone", at.date(), at),
            ("pre-000000000fff@x", customer_id, None, "feedback", 2, "letter", D2, None),
            ("pre-000000001000@x", customer_id, None, "thank_you", 0, "email", D1, None),
            ("pre-000000001001@x", customer_id, None, "check_in", 1, "phone", at.date(), at),
            ("pre-000000001002@x", customer_id, None, "feedback", 2, "letter", D2, None),
        ]
        statuses = {(t.status, t.sequence, t.pinned, t.subject) for t in session.scalars(
            select(Touchpoint)
        )}  # fmt: skip
        assert statuses == {("planned", 0, False, "")}


@pytest.mark.parametrize("count", [3, 250])
def test_many_touchpoints_and_commitments_keep_their_order(
    sessions: sessionmaker[Session], customer_id: int, count: int
) -> None:
    # Few rows go straight in, many through a temporary table: both in the order given.
    at = dt.datetime(2026, 12, 1, 9, 30, tzinfo=BERLIN)
    touchpoints = [
        NewTouchpoint(f"{n}@x", customer_id, None, None, "check_in", n, "email", D1, at, n % 2 == 0)
        for n in range(count)
    ]
    promises = [
        NewCommitment(customer_id, None, f"P{n}", D2, n, "on_track", "", NOW, n % 3 == 0)
        for n in range(count)
    ]
    with sessions.begin() as session:
        bulk.insert_touchpoints(session, touchpoints)
        bulk.insert_commitments(session, promises)
    with sessions() as session:
        written = session.scalars(select(Touchpoint).order_by(Touchpoint.id)).all()
        assert [(t.uid, t.occurrence, t.pinned, t.due_at) for t in written] == [
            (row.uid, row.occurrence, row.pinned, at) for row in touchpoints
        ]
        kept = session.scalars(select(Commitment).order_by(Commitment.id)).all()
        assert [(c.text, c.buffer_days, c.recovered, c.created_at) for c in kept] == [
            (p.text, p.buffer_days, p.recovered, NOW) for p in promises
        ]
