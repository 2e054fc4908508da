"""Customer job title and postal address; what each follow-up's calendar event last showed.

The touchpoint keeps a hash of its event's content and the SEQUENCE it was seen at, so any
change a calendar user would see (a renamed customer, a new phone number) moves SEQUENCE.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

Plain ADD COLUMNs, not a batch rebuild: the search index's triggers on customer stay.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# name, length (None: TEXT, the street may hold several lines)
COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("job_title", 120),
    ("street", None),
    ("postal_code", 32),
    ("city", 120),
    ("region", 120),
    ("country", 120),
)


def upgrade() -> None:
    for name, length in COLUMNS:
        kind = sa.Text() if length is None else sa.String(length=length)
        op.add_column("customer", sa.Column(name, kind, server_default="", nullable=False))
    op.add_column(
        "touchpoint",
        sa.Column("event_hash", sa.String(length=32), server_default="", nullable=False),
    )
    op.add_column(
        "touchpoint",
        sa.Column("event_sequence", sa.Integer(), server_default="-1", nullable=False),
    )


def downgrade() -> None:
    from models.search_index import CREATE, DROP, fts_available

    with op.batch_alter_table("touchpoint", schema=None) as batch_op:
        batch_op.drop_column("event_sequence")
        batch_op.drop_column("event_hash")

    # The batch rebuild that drops the columns drops the search triggers with the table.
    for statement in DROP:
        op.execute(statement)
    with op.batch_alter_table("customer", schema=None) as batch_op:
        for name, _length in reversed(COLUMNS):
            batch_op.drop_column(name)
    if fts_available(op.get_bind()):
        for statement in CREATE:
            op.execute(statement)
