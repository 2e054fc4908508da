"""Each contact beside its customer's previous and next one, kept by triggers on interaction
(and on customer, for what of the customer it copies).

Insights' "Nobody forgotten" needs, for every customer, the silences between contacts: with
each contact's neighbours and its customer's cadence stored beside it, they are one covering
index range read of the period instead of a grouped pass over every contact of the months
before it and a customer looked up for each.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class ContactLink(Base):
    """An interaction's instant and the instants of the customer's contacts either side of it
    (ordered by instant, then id), with the customer's fields a silence depends on. Written
    only by the triggers below, never by the app."""

    __tablename__ = "contact_link"
    __table_args__ = (
        # Covering: a period's contacts, their neighbours and what the cadence needs.
        Index(
            "ix_contact_link_occurred",
            "occurred_s",
            "next_s",
            "previous_s",
            "customer_id",
            "alive",
            "do_not_contact",
            "keep_in_touch_days",
            "is_key",
            "customer_created_at",
        ),
    )

    interaction_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    customer_id: Mapped[int]
    # Whole seconds since 1970 (UTC): a local day is then integer arithmetic, where the
    # stored text would be parsed on every read. Cut, not rounded, so comparing with a
    # whole second (a local midnight) answers as comparing the text would.
    occurred_s: Mapped[int]
    previous_s: Mapped[int | None]
    next_s: Mapped[int | None]
    # Copies of the customer's: not in the trash; "do not contact"; the cadence's inputs;
    # when added.
    alive: Mapped[bool]
    do_not_contact: Mapped[bool]
    keep_in_touch_days: Mapped[int | None]
    is_key: Mapped[bool]
    customer_created_at: Mapped[dt.datetime]


def seconds(text: str) -> str:
    """SQL for a stored UTC instant (text) as whole seconds since 1970, the fraction cut."""
    return f"CAST(strftime('%s', substr({text}, 1, 19)) AS INTEGER)"


_AT = seconds("occurred_at")
# The customer's fields copied, as SQL over customer `c`.
COPIED = "alive, do_not_contact, keep_in_touch_days, is_key, customer_created_at"
_COPY = "c.deleted_at IS NULL, c.do_not_contact, c.keep_in_touch_days, c.is_key, c.created_at"


def _neighbour(key: str, before: bool, value: str, skip: str) -> str:
    """SQL for `value` of the customer's contact just before (or after) the `key` row's
    place, leaving out the row `skip` (an updated row is elsewhere already)."""
    less, order = ("<", "DESC") if before else (">", "")
    return (
        f"(SELECT {value} FROM interaction WHERE customer_id = {key}.customer_id"
        f" AND (occurred_at, id) {less} ({key}.occurred_at, {key}.id) AND id != {skip}.id"
        f" ORDER BY occurred_at {order}, id {order} LIMIT 1)"
    )


def _unlink(key: str) -> str:
    """Statements taking the `key` row out: its neighbours point at each other."""
    return (
        f"DELETE FROM contact_link WHERE interaction_id = {key}.id;"
        f" UPDATE contact_link SET next_s = {_neighbour(key, False, _AT, key)}"
        f" WHERE interaction_id = {_neighbour(key, True, 'id', key)};"
        f" UPDATE contact_link SET previous_s = {_neighbour(key, True, _AT, key)}"
        f" WHERE interaction_id = {_neighbour(key, False, 'id', key)};"
    )


def _link(key: str) -> str:
    """Statements putting the `key` row in: its own neighbours, and it becomes theirs."""
    return (
        "INSERT INTO contact_link (interaction_id, customer_id, occurred_s, previous_s,"
        f" next_s, {COPIED}) SELECT {key}.id, {key}.customer_id,"
        f" {seconds(key + '.occurred_at')}, {_neighbour(key, True, _AT, key)},"
        f" {_neighbour(key, False, _AT, key)}, {_COPY} FROM customer c"
        f" WHERE c.id = {key}.customer_id;"
        f" UPDATE contact_link SET next_s = {seconds(key + '.occurred_at')}"
        f" WHERE interaction_id = {_neighbour(key, True, 'id', key)};"
        f" UPDATE contact_link SET previous_s = {seconds(key + '.occurred_at')}"
        f" WHERE interaction_id = {_neighbour(key, False, 'id', key)};"
    )


# A batch migration that rebuilds the interaction or customer table drops these: it must run
# DROP_TRIGGERS and then CREATE_TRIGGERS again.
CREATE_TRIGGERS = [
    f"CREATE TRIGGER contact_link_ai AFTER INSERT ON interaction BEGIN {_link('new')} END",
    f"CREATE TRIGGER contact_link_ad AFTER DELETE ON interaction BEGIN {_unlink('old')} END",
    "CREATE TRIGGER contact_link_au AFTER UPDATE OF customer_id, occurred_at ON interaction"
    f" BEGIN {_unlink('old')} {_link('new')} END",
    # The customer's contacts found through ix_interaction_customer.
    "CREATE TRIGGER contact_link_customer_au AFTER UPDATE OF deleted_at, do_not_contact,"
    " keep_in_touch_days, is_key, created_at ON customer BEGIN"
    f" UPDATE contact_link SET ({COPIED}) = (SELECT {_COPY} FROM customer c"
    " WHERE c.id = new.id) WHERE interaction_id IN (SELECT id FROM interaction"
    " WHERE customer_id = new.id); END",
]
DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS contact_link_ai",
    "DROP TRIGGER IF EXISTS contact_link_ad",
    "DROP TRIGGER IF EXISTS contact_link_au",
    "DROP TRIGGER IF EXISTS contact_link_customer_au",
]
# The links of the contacts already there (the migration's backfill).
BACKFILL = (
    "INSERT INTO contact_link (interaction_id, customer_id, occurred_s, previous_s, next_s,"
    f" {COPIED}) SELECT i.id, i.customer_id, i.s, lag(i.s) OVER w, lead(i.s) OVER w, {_COPY}"
    f" FROM (SELECT id, customer_id, occurred_at, {_AT} AS s FROM interaction) i"
    " JOIN customer c ON c.id = i.customer_id"
    " WINDOW w AS (PARTITION BY i.customer_id ORDER BY i.occurred_at, i.id)"
)
