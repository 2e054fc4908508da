"""A customer's next follow-up and last contact, kept on the customer row by triggers.

The Customers list sorts and pages by these dates in SQL. Reading them per row from the
touchpoint and interaction tables would scan every customer for each sorted page; kept on
the row they are one index. Triggers keep them in step with every writer (ORM, bulk SQL,
imports), so the rule has one home: the database. "Nothing planned" and "never contacted"
are stored as sentinels, not NULL, so that the sort key is total and keyset paging needs no
NULL cases; `next_due_or_none` and `last_contact_or_none` turn them back into None.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

NO_NEXT_DUE = dt.date(9999, 12, 31)
NEVER_CONTACTED = dt.datetime(1, 1, 1, tzinfo=dt.UTC)
# The same sentinels as SQLite stores them (SQLAlchemy's text formats).
NO_NEXT_DUE_SQL = "'9999-12-31'"
NEVER_CONTACTED_SQL = "'0001-01-01 00:00:00.000000'"

_NEXT_DUE = (
    "UPDATE customer SET next_due = coalesce((SELECT min(t.due_date) FROM touchpoint t"
    " WHERE t.customer_id = customer.id AND t.status = 'planned'), "
    f"{NO_NEXT_DUE_SQL}) WHERE id IN ({{ids}});"
)
_LAST_CONTACT = (
    "UPDATE customer SET last_contact_at = coalesce((SELECT max(i.occurred_at) FROM interaction i"
    f" WHERE i.customer_id = customer.id), {NEVER_CONTACTED_SQL}) WHERE id IN ({{ids}});"
)

CREATE = [
    # A new planned follow-up can only bring the next one forward: no scan needed.
    "CREATE TRIGGER customer_next_due_ai AFTER INSERT ON touchpoint"
    " WHEN new.status = 'planned' BEGIN"
    " UPDATE customer SET next_due = new.due_date"
    " WHERE id = new.customer_id AND next_due > new.due_date; END",
    "CREATE TRIGGER customer_next_due_au AFTER UPDATE OF status, due_date, customer_id"
    " ON touchpoint WHEN old.status = 'planned' OR new.status = 'planned' BEGIN "
    + _NEXT_DUE.format(ids="old.customer_id, new.customer_id")
    + " END",
    "CREATE TRIGGER customer_next_due_ad AFTER DELETE ON touchpoint"
    " WHEN old.status = 'planned' BEGIN " + _NEXT_DUE.format(ids="old.customer_id") + " END",
    "CREATE TRIGGER customer_last_contact_ai AFTER INSERT ON interaction BEGIN"
    " UPDATE customer SET last_contact_at = new.occurred_at"
    " WHERE id = new.customer_id AND last_contact_at < new.occurred_at; END",
    "CREATE TRIGGER customer_last_contact_au AFTER UPDATE OF occurred_at, customer_id"
    " ON interaction BEGIN "
    + _LAST_CONTACT.format(ids="old.customer_id, new.customer_id")
    + " END",
    "CREATE TRIGGER customer_last_contact_ad AFTER DELETE ON interaction BEGIN "
    + _LAST_CONTACT.format(ids="old.customer_id")
    + " END",
]
# Fill both dates for every customer (after adding the columns).
BACKFILL = [
    _NEXT_DUE.format(ids="SELECT id FROM customer"),
    _LAST_CONTACT.format(ids="SELECT id FROM customer"),
]
DROP = [
    f"DROP TRIGGER IF EXISTS {name}"
    for name in (
        "customer_next_due_ai",
        "customer_next_due_au",
        "customer_next_due_ad",
        "customer_last_contact_ai",
        "customer_last_contact_au",
        "customer_last_contact_ad",
    )
]


def next_due_or_none(value: dt.date) -> dt.date | None:
    return None if value >= NO_NEXT_DUE else value


def last_contact_or_none(value: dt.datetime) -> dt.datetime | None:
    return None if value <= NEVER_CONTACTED else value


_NEXT_DUE_TRIGGERS = ("customer_next_due_ai", "customer_next_due_au", "customer_next_due_ad")


@contextmanager
def next_due_settled_at_end(
    session: Session, customer_ids: Iterable[int] | None = None
) -> Iterator[None]:
    """Bulk planning: the per-row next-follow-up triggers are suspended for the block and the
    customers' dates recomputed once, set-based, at its end (per row they doubled the cost of
    planning 10,000 sales). The DDL is part of the transaction: a rollback brings the
    triggers back. Every touchpoint the block writes must belong to `customer_ids` (None:
    any customer; all are recomputed)."""
    parameters: tuple[str, ...] = ()
    if customer_ids is None:
        which = "SELECT id FROM customer"
    else:
        ids = json.dumps(sorted(set(customer_ids)))
        which, parameters = "SELECT value FROM json_each(?)", (ids,)
    connection = session.connection()
    present = {
        str(name)
        for (name,) in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        )
    }
    suspended = [
        sql
        for sql in CREATE
        if _trigger_name(sql) in _NEXT_DUE_TRIGGERS and _trigger_name(sql) in present
    ]
    for sql in suspended:
        connection.exec_driver_sql(f"DROP TRIGGER {_trigger_name(sql)}")
    # On an error the transaction rolls back, and the DROP with it.
    yield
    session.flush()
    connection.exec_driver_sql(_NEXT_DUE.format(ids=which), parameters)
    for sql in suspended:
        connection.exec_driver_sql(sql)


def _trigger_name(sql: str) -> str:
    return sql.split()[2]
