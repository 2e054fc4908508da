"""Alembic environment and the upgrade procedure (backup, one transaction, refuse newer)."""
