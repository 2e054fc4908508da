"""Full-text search over customers: an FTS5 trigram index kept in step by triggers."""

from __future__ import annotations

from typing import Any

# SQLite's FTS5 with the trigram tokenizer (3.34+) finds substrings of 3+ characters
# through an index instead of scanning every customer on each keystroke.
TABLE = "customer_search"
CREATE = [
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5(search_text, content='customer', "
    "content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER {TABLE}_ai AFTER INSERT ON customer BEGIN "
    f"INSERT INTO {TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"CREATE TRIGGER {TABLE}_ad AFTER DELETE ON customer BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    f"CREATE TRIGGER {TABLE}_au AFTER UPDATE OF search_text ON customer BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    f"INSERT INTO {TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
]
DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_ai",
    f"DROP TRIGGER IF EXISTS {TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {TABLE}_au",
    f"DROP TABLE IF EXISTS {TABLE}",
]
MIN_TERM = 3


def fts_available(connection: Any) -> bool:
    """Whether this SQLite build has FTS5 with the trigram tokenizer."""
    try:
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE temp.fts_probe USING fts5(x, tokenize='trigram')"
        )
        connection.exec_driver_sql("DROP TABLE temp.fts_probe")
    except Exception:  # noqa: BLE001 - any failure means "not available": scan instead
        return False
    return True


def is_search_object(name: str | None) -> bool:
    """The index and its shadow tables, which the ORM models do not describe."""
    return bool(name) and str(name).startswith(TABLE)


def match_phrase(term: str) -> str:
    """A MATCH expression for the term as a literal substring (quotes doubled)."""
    return '"' + term.replace('"', '""') + '"'
