"""The agenda row: one definition of its columns, for the plain read and the ORM select.

Kept free of SQLAlchemy: the desktop start reads the first page before SQLAlchemy loads."""

from __future__ import annotations

import datetime as dt

# (table, column, TouchpointDTO field), in the DTO's field order; a test holds them equal.
AGENDA_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("touchpoint", "id", "id"),
    ("touchpoint", "uid", "uid"),
    ("touchpoint", "customer_id", "customer_id"),
    ("customer", "name", "customer_name"),
    ("customer", "company", "company"),
    ("customer", "email", "customer_email"),
    ("customer", "phone", "customer_phone"),
    ("touchpoint", "sale_id", "sale_id"),
    ("touchpoint", "kind", "kind"),
    ("touchpoint", "channel", "channel"),
    ("touchpoint", "due_date", "due_date"),
    ("touchpoint", "due_at", "due_at"),
    ("touchpoint", "status", "status"),
    ("touchpoint", "sequence", "sequence"),
    ("touchpoint", "pinned", "pinned"),
    ("touchpoint", "snoozed_from", "snoozed_from"),
    ("touchpoint", "completed_at", "completed_at"),
    ("touchpoint", "outcome_note", "outcome_note"),
    ("touchpoint", "skip_reason", "skip_reason"),
    ("touchpoint", "updated_at", "updated_at"),
    ("touchpoint", "subject", "subject"),
    ("touchpoint", "commitment_id", "commitment_id"),
    ("touchpoint", "request_id", "request_id"),
)
# Instants stored as naive UTC text: the plain read appends the offset, so that parsing
# yields aware datetimes as the ORM's UTCDateTime does.
INSTANT_COLUMNS = frozenset({"due_at", "completed_at", "updated_at"})

# (due_date, due_at, id) of the last row read: the next page starts after it.
AgendaCursor = tuple[dt.date, dt.datetime | None, int]
