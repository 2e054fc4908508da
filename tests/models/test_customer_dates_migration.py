"""Migration 0011 fills every customer's last contact and next follow-up from the rows."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

from models.migrations.migrate import prepare_database
from tests.models.test_migrations import FIXTURE, NOW

EXPECTED = (
    "SELECT c.id, c.last_contact_at, c.next_due,"
    " coalesce((SELECT max(occurred_at) FROM interaction i WHERE i.customer_id = c.id),"
    " '0001-01-01 00:00:00.000000'),"
    " coalesce((SELECT min(due_date) FROM touchpoint t"
    " WHERE t.customer_id = c.id AND t.status = 'planned'), '9999-12-31')"
    " FROM customer c ORDER BY c.id"
)


def test_an_old_file_gets_the_dates_of_its_own_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE, path)
    with contextlib.closing(sqlite3.connect(path)) as db:
        # One planned follow-up, so the backfill has a next follow-up to find.
        db.execute("UPDATE touchpoint SET status = 'planned', due_date = '2027-01-04'")
        db.commit()
    prepare_database(path, tmp_path / "backups", NOW)
    with contextlib.closing(sqlite3.connect(path)) as db:
        rows = db.execute(EXPECTED).fetchall()
    assert rows and all(row[1:3] == row[3:5] for row in rows)
    assert any(row[2] == "2027-01-04" for row in rows)
    assert any(not row[1].startswith("0001") for row in rows)
