"""Shared fixtures: offscreen Qt, private config dir, a migrated template database per session."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test may read or write the real user's planner files.
os.environ.pop("FOLLOWUP_DB", None)
os.environ.pop("FOLLOWUP_TODAY", None)
# Tests speak English whatever the machine's language (a test of another language says so).
os.environ["FOLLOWUP_LANGUAGE"] = "en"

from app.clock import FixedClock
from app.context import AppContext, build_context
from app.secrets import MemorySecretStore
from models.migrations.migrate import prepare_database

PINNED_NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _private_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("FOLLOWUP_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(base / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdgconfig"))
    # Relative output names (an export to "0.csv") land here, never in the source tree.
    monkeypatch.chdir(base)


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    """A test that switched the interface language (a CLI run, a language test) leaves
    English behind: the language is process-wide."""
    yield
    from app import i18n

    if i18n.current() != i18n.ENGLISH:
        i18n.use(i18n.ENGLISH)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrated once per run; tests get copies (migrations are the slow part)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    prepare_database(path, path.parent / "backups", PINNED_NOW)
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "planner.sqlite3"
    shutil.copyfile(template_db, target)
    return target


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(PINNED_NOW)


@pytest.fixture
def context(db_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    # Services get an in-memory secret store: no test touches the real keyring by accident.
    ctx = build_context(db_path, clock, secrets=MemorySecretStore())
    yield ctx
    ctx.close()
