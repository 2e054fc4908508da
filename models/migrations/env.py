"""Alembic environment: batch mode for SQLite, running on the caller's open transaction."""

from __future__ import annotations

from alembic import context

from models.all import Base
from models.search_index import is_search_object

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through models.migrations.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    # The search index is raw SQL (FTS5), not part of the ORM models.
    include_name=lambda name, kind, _parents: not (kind == "table" and is_search_object(name)),
)
with context.begin_transaction():
    context.run_migrations()
