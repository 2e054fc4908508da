"""Customer salutation: how letters greet each customer ("" is by first name).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

A plain ADD COLUMN, not a batch rebuild: the search index's triggers on customer stay.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "customer",
        sa.Column("salutation", sa.String(length=8), server_default="", nullable=False),
    )


def downgrade() -> None:
    from models.search_index import CREATE, DROP, fts_available

    # The batch rebuild that drops the column drops the search triggers with the table.
    for statement in DROP:
        op.execute(statement)
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_column("salutation")
    if fts_available(op.get_bind()):
        for statement in CREATE:
            op.execute(statement)
