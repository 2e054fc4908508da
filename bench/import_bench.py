"""Importing a 100,000-row Outlook export, beside a minimal CSV-to-SQLite writer."""

from __future__ import annotations

import contextlib
import csv
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from app.context import build_context
from bench.data import CLOCK
from bench.figures import figure

ROWS = 100_000
HEADER = ["First Name", "Last Name", "Company", "E-mail Address", "Mobile Phone", "Birthday"]


def _write(path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(ROWS):
            birthday = f"{1 + i % 12}/{1 + i % 28}/19{50 + i % 50}" if i % 10 == 0 else "0/0/00"
            writer.writerow([f"First{i}", f"Last{i}", f"Company {i % 5000} GmbH",
                             f"person{i}@example.com", f"+49 171 {i:07d}", birthday])  # fmt: skip


def _floor(path: Path, db: Path) -> float:
    """Read the same file and insert one row per line, in one transaction: nothing else."""
    start = time.perf_counter()
    with contextlib.closing(sqlite3.connect(db)) as conn, path.open(encoding="utf-8") as handle:
        conn.execute("CREATE TABLE c (name TEXT, company TEXT, email TEXT, phone TEXT)")
        rows = csv.reader(handle)
        next(rows)
        conn.executemany(
            "INSERT INTO c VALUES (?, ?, ?, ?)",
            ((f"{r[0]} {r[1]}", r[2], r[3], r[4]) for r in rows),
        )
        conn.commit()
    return time.perf_counter() - start


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "outlook.csv"
        _write(source)
        context = build_context(Path(folder) / "import.sqlite3", CLOCK)
        try:
            start = time.perf_counter()
            preview = context.importing.preview(source)
            context.importing.run(preview)
            value = time.perf_counter() - start
        finally:
            context.close()
        floor = _floor(source, Path(folder) / "floor.sqlite3")
    return [figure("import_100k_s", value, "s", floor)]
