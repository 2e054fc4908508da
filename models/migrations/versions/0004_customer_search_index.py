"""Customer search index: FTS5 trigram over search_text, kept in step by triggers.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

A later batch migration that rebuilds the customer table drops these triggers: it must
run models.search_index.DROP then CREATE again.
"""

from __future__ import annotations

from alembic import op

from models.search_index import CREATE, fts_available

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    # Without FTS5 (rare SQLite builds) search falls back to scanning: still correct.
    if not fts_available(connection):
        return
    for statement in CREATE:
        op.execute(statement)


def downgrade() -> None:
    from models.search_index import DROP

    for statement in DROP:
        op.execute(statement)
