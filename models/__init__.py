"""SQLAlchemy 2 models, engine setup, repositories and Alembic migrations."""
