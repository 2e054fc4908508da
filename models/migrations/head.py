"""The newest schema revision, importable without SQLAlchemy or Alembic."""

# The newest revision in versions/. Opening an up-to-date database compares against this
# and never imports Alembic (a noticeable part of start-up); a test keeps it in step.
SCHEMA_HEAD = "0013"
