"""Where the planner keeps its files: data, backups, logs, and bundled resources."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "FollowUpPlanner"
DB_VARIABLE = "FOLLOWUP_DB"
DB_FILE = "followup.sqlite3"
DEMO_DB_FILE = "demo.sqlite3"


def expand_home(path: Path) -> Path:
    """The path with a leading ~ or ~user expanded; as typed when there is no such home
    (a file may really be named "~0")."""
    try:
        return path.expanduser()
    except RuntimeError:
        return path


def data_dir() -> Path:
    """The per-user data folder (e.g. ~/.local/share/FollowUpPlanner)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The database to open: FOLLOWUP_DB if set, else followup.sqlite3 in the data folder."""
    override = os.environ.get(DB_VARIABLE, "").strip()
    return expand_home(Path(override)) if override else data_dir() / DB_FILE


def resolve_db_path(db_path: Path | None) -> Path:
    """The absolute path of the database to open (the default one when None)."""
    return expand_home(db_path or default_db_path()).resolve()


def demo_db_path() -> Path:
    """The separate sample-data database, so demo records never mix with real ones."""
    return data_dir() / DEMO_DB_FILE


def backup_dir_for(db_path: Path) -> Path:
    """Backups live beside the database they copy, so --db PATH keeps its own."""
    return db_path.resolve().parent / "backups"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


@functools.cache
def resources_dir() -> Path:
    """Bundled resources, from the source tree or from a PyInstaller bundle.

    Kept: drafts ask for each customer's language rules, and resolving the path (a system
    call per folder) on every ask cost a calendar sync a fifth of its time."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


CONFIG_VARIABLE = "FOLLOWUP_CONFIG_DIR"


def config_dir() -> Path:
    """Window state and similar UI files; FOLLOWUP_CONFIG_DIR overrides (tests, portable use)."""
    override = os.environ.get(CONFIG_VARIABLE, "").strip()
    if override:
        return expand_home(Path(override))
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
