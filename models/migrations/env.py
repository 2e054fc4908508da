"""Alembic environment: batch mode for SQLite, running on the caller's open transaction."""

from __future__ import annotations

from alembic import context

from models.all import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through models.migrations.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
