"""One saved setting read straight from the file before anything else is loaded (start-up).

The window's language must be known before the window is built, and the window's first
paint must not wait for SQLAlchemy or the storage checks: this needs only sqlite3.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def peek_setting(path: Path, key: str) -> str | None:
    """A setting stored as a JSON string, or None when the file has none or cannot tell
    (new, damaged, locked: the usual start reports those, not this)."""
    if not path.exists():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute(
                "SELECT value_json FROM setting WHERE key = ?", (key,)
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    if row is None or not isinstance(row[0], str):
        return None
    import json  # only here: most starts find a plain code and never need it

    try:
        value = json.loads(row[0])
    except ValueError:
        return None
    return value if isinstance(value, str) else None
