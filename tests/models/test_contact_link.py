"""contact_link, kept by triggers, always says what the contacts say: each one's customer and
instant, the instants of the customer's contacts either side of it and the customer's fields
it copies, whatever is added, moved to another time or customer, or removed (ties at one
instant included), and whatever of the customer changes."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from app.context import AppContext
from models.contact_link import BACKFILL
from models.customer import Customer
from models.interaction import Interaction
from models.migrations.migrate import prepare_database

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "schema_0001.sqlite3"
BASE = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
ROWS = (
    "SELECT interaction_id, customer_id, occurred_s, previous_s, next_s, alive, do_not_contact,"
    " keep_in_touch_days, is_key, customer_created_at FROM {} ORDER BY 1"
)


def _expected(connection: object) -> list[tuple[object, ...]]:
    """The links worked out from scratch, as the migration's backfill does."""
    connection.exec_driver_sql(  # type: ignore[attr-defined]
        "CREATE TEMP TABLE IF NOT EXISTS expected AS SELECT * FROM contact_link WHERE 0"
    )
    connection.exec_driver_sql("DELETE FROM temp.expected")  # type: ignore[attr-defined]
    connection.exec_driver_sql(  # type: ignore[attr-defined]
        BACKFILL.replace("INSERT INTO contact_link", "INSERT INTO temp.expected")
    )
    return list(connection.exec_driver_sql(ROWS.format("temp.expected")))  # type: ignore[attr-defined]


def _stored(connection: object) -> list[tuple[object, ...]]:
    return list(connection.exec_driver_sql(ROWS.format("contact_link")))  # type: ignore[attr-defined]


def _instant(rng: random.Random) -> dt.datetime:
    # Few distinct instants, so ties are common; some with a fraction of a second.
    return BASE + dt.timedelta(
        days=rng.randint(0, 20),
        minutes=rng.choice((0, 0, 90)),
        microseconds=rng.choice((0, 999_999)),
    )


@pytest.mark.parametrize("seed", range(5))
def test_links_follow_every_insert_move_and_delete(context: AppContext, seed: int) -> None:
    rng = random.Random(seed)
    with context.sessions.begin() as session:
        customers = []
        for number in range(4):
            row = Customer(name=f"Customer {number}")
            session.add(row)
            session.flush()
            customers.append(row.id)
    for _step in range(120):
        with context.sessions.begin() as session:
            ids = list(session.scalars(text("SELECT id FROM interaction")))
            roll = rng.random()
            if roll < 0.5 or not ids:
                session.add(
                    Interaction(
                        customer_id=rng.choice(customers),
                        occurred_at=_instant(rng),
                        channel="phone",
                    )
                )
            elif roll < 0.58:
                session.get(Interaction, rng.choice(ids)).occurred_at = _instant(rng)  # type: ignore[union-attr]
            elif roll < 0.64:
                session.get(Interaction, rng.choice(ids)).customer_id = rng.choice(customers)  # type: ignore[union-attr]
            elif roll < 0.74:
                # What of the customer the links copy: trash, do not contact, cadence, key.
                customer = session.get(Customer, rng.choice(customers))
                assert customer is not None
                # One at a time: each change on its own must reach the links.
                field, value = rng.choice(
                    (
                        ("deleted_at", rng.choice((None, BASE))),
                        ("do_not_contact", rng.random() < 0.5),
                        ("keep_in_touch_days", rng.choice((None, 5, 60))),
                        ("is_key", rng.random() < 0.5),
                        ("created_at", BASE - dt.timedelta(days=rng.randint(0, 9))),
                    )
                )
                setattr(customer, field, value)
            elif roll < 0.8:
                # Both at once, and an update that changes nothing.
                row = session.get(Interaction, rng.choice(ids))
                assert row is not None
                row.customer_id, row.occurred_at = rng.choice(customers), _instant(rng)
                session.flush()
                session.execute(text("UPDATE interaction SET occurred_at = occurred_at"))
            else:
                session.delete(session.get(Interaction, rng.choice(ids)))
            session.flush()
            connection = session.connection()
            assert _stored(connection) == _expected(connection)
    with context.sessions.begin() as session:
        assert len(_stored(session.connection())) > 5


def test_the_migration_links_the_contacts_already_there(tmp_path: Path) -> None:
    """Contacts logged before the upgrade get their links from the backfill (a tie at one
    instant ordered by id, a fraction of a second cut)."""
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE, path)
    with contextlib.closing(sqlite3.connect(path)) as db:
        (customer,) = db.execute("SELECT customer_id FROM interaction").fetchone()
        db.execute("DELETE FROM interaction")
        db.executemany(
            "INSERT INTO interaction (id, customer_id, occurred_at, channel, summary, created_at)"
            " VALUES (?, ?, ?, 'phone', '', '2026-01-01 00:00:00.000000')",
            [
                (7, customer, "2026-02-03 10:00:00.000000"),
                (8, customer, "2026-02-01 10:00:00.999999"),
                (9, customer, "2026-02-03 10:00:00.000000"),
            ],
        )
        db.commit()
    prepare_database(path, tmp_path / "backups", BASE)
    with contextlib.closing(sqlite3.connect(path)) as db:
        stored = [row[:5] for row in db.execute(ROWS.format("contact_link"))]
        copied = db.execute(
            "SELECT DISTINCT alive, do_not_contact, keep_in_touch_days, is_key, customer_created_at"
            " FROM contact_link"
        ).fetchall()
        customer_row = db.execute(
            "SELECT deleted_at IS NULL, do_not_contact, keep_in_touch_days, is_key,"
            " created_at FROM customer WHERE id = ?",
            (customer,),
        ).fetchall()
    later, earlier = 1770112800, 1769940000  # 3 Feb 10:00 and 1 Feb 10:00, in seconds
    assert stored == [
        (7, customer, later, earlier, later),
        (8, customer, earlier, None, later),
        (9, customer, later, later, None),
    ]
    assert copied == customer_row


def test_a_salvaged_file_has_its_links_rebuilt(context: AppContext, tmp_path: Path) -> None:
    """Salvage copies the contacts, not the links worked out from them: the triggers rebuild
    them (copying both would collide)."""
    from app.files.salvage import salvage

    with context.sessions.begin() as session:
        customer = Customer(name="Salvaged")
        session.add(customer)
        session.flush()
        for days in (9, 2, 30):
            session.add(
                Interaction(
                    customer_id=customer.id,
                    occurred_at=BASE - dt.timedelta(days=days),
                    channel="phone",
                )
            )
    with context.sessions() as session:
        before = _stored(session.connection())
    target = tmp_path / "salvaged.sqlite3"
    rescue = salvage(context.db_path, target, BASE)
    assert "contact_link" not in rescue.rows
    with contextlib.closing(sqlite3.connect(target)) as db:
        assert db.execute(ROWS.format("contact_link")).fetchall() == before
    assert len(before) == 3
