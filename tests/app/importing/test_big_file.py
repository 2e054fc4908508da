"""A 100,000-row export imports completely in one transaction (its speed: make.py bench)."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from app.context import AppContext

ROWS = 100_000


def make_file(path: Path) -> None:
    """Outlook's columns; a tenth have birthdays, half the phones are national (0170 ...)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["First Name", "Last Name", "Company", "E-mail Address", "Mobile Phone",
                         "Birthday", "Notes"])  # fmt: skip
        for i in range(ROWS):
            writer.writerow(
                [
                    f"First{i}", f"Last{i}", f"Company {i % 5000} GmbH", f"person{i}@example.com",
                    f"0170 {i:07d}" if i % 2 else f"+49 171 {i:07d}",
                    f"{1 + i % 12}/{1 + i % 28}/19{50 + i % 50}" if i % 10 == 0 else "0/0/00",
                    "Met at the fair" if i % 3 == 0 else "",
                ]
            )  # fmt: skip


def test_100k_rows_import_completely(planner_de: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    make_file(path)
    preview = planner_de.importing.preview(path)
    result = planner_de.importing.run(preview)
    assert (result.added, result.errors) == (ROWS, ())
    with sqlite3.connect(planner_de.db_path) as conn:
        assert conn.execute("SELECT count(*) FROM customer").fetchone() == (ROWS,)
        check_ins = conn.execute("SELECT count(*) FROM touchpoint WHERE kind = 'check_in'")
        assert check_ins.fetchone() == (ROWS,)
    assert planner_de.customers.count("last99999") == 1
