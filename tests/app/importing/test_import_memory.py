"""A big CSV is imported as a stream: peak memory under 300 MB per GB of input, same result."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.context import AppContext
from app.dto.customers import CustomerQuery
from app.importing.encodings import UnreadableFile
from app.rules import import_writer
from app.services import importing

ROOT = Path(__file__).resolve().parents[3]
ROWS = 100_000
NOTE = "Long call about the spring order; wants a follow-up in March. " * 45  # ~2.9 KB
# Measured in the child: RSS after start-up (imports, database, services) and the peak.
CHILD = """
import json, resource, sys
from pathlib import Path
from app.clock import FixedClock
from app.context import build_context
import datetime as dt
context = build_context(Path(sys.argv[2]), FixedClock(dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
preview = context.importing.preview(Path(sys.argv[1]))
result = context.importing.run(preview)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
context.close()
print(json.dumps({"base_kb": base, "peak_kb": peak, "added": result.added}))
"""


def make_file(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("First Name,Last Name,Company,E-mail Address,Mobile Phone,Notes\r\n")
        for i in range(ROWS):
            handle.write(
                f"Först{i},Läst{i},Company {i % 5000} GmbH,person{i}@example.com,"
                f'+49 171 {i:07d},"{NOTE}{i}"\r\n'
            )


@pytest.mark.slow
def test_a_big_csv_imports_within_the_memory_bound(tmp_path: Path) -> None:
    source = tmp_path / "big.csv"
    make_file(source)
    size = source.stat().st_size
    assert size > 250_000_000
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(source), str(tmp_path / "db.sqlite3")],
            cwd=ROOT, capture_output=True, text=True, check=True, timeout=600,
        )  # fmt: skip
    finally:
        source.unlink()
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["added"] == ROWS
    grown = (figures["peak_kb"] - figures["base_kb"]) * 1024
    # 300 MB per GB of input, on top of what the program needs before it reads the file.
    assert grown <= 0.3 * size, f"{grown / 1e6:.0f} MB for {size / 1e6:.0f} MB of input"
    print(f"peak grew {grown / 1e6:.0f} MB for {size / 1e6:.0f} MB of input")


ROWS_OF_A_SMALL_FILE = (
    "Name,Company,E-mail,Phone,Notes\r\n"
    "Ana Silva,Acme,ana@acme.example,,first\r\n"
    "Ben Ortiz,Acme,ben@acme.example,,\r\n"
    "Cleo Park,Beta,cleo@beta.example,0170 1,\r\n"
    "A. Silva,,ANA@ACME.EXAMPLE,+49 89 1,second\r\n"
    "Dan Ray,Beta,,,\r\n"
    "Ben Ortiz,Acme,,+49 30 2,repeated\r\n"
    ",,,,a note that names nobody\r\n"
)


def imported(context: AppContext) -> list[tuple[str, str, str, str]]:
    rows = context.customers.page(CustomerQuery(limit=100)).rows
    return sorted((c.name, c.email, c.phone, c.notes) for c in rows)


@pytest.mark.parametrize("kept", [True, False])
def test_reading_the_file_again_writes_what_the_preview_showed(
    context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kept: bool
) -> None:
    """A big file is read again in chunks; merges reach rows of earlier chunks."""
    if not kept:
        monkeypatch.setattr(importing, "SAMPLE_ROWS", 1)
        monkeypatch.setattr(importing, "KEEP_ALL_BYTES", 0)
        monkeypatch.setattr(import_writer, "STREAM_CHUNK", 1)
    path = tmp_path / "small.csv"
    path.write_text(ROWS_OF_A_SMALL_FILE, encoding="utf-8")
    preview = context.importing.preview(path)
    assert preview.plan.complete is kept and preview.plan.new_count == 4
    result = context.importing.run(preview, "merge", {7: "add"})
    assert (result.added, result.merged, result.skipped) == (5, 1, 0)
    assert [error.row for error in result.errors] == [8]
    assert imported(context) == [
        ("Ana Silva", "ana@acme.example", "+49 89 1", "first\n\nsecond"),
        ("Ben Ortiz", "", "+49 30 2", "repeated"),
        ("Ben Ortiz", "ben@acme.example", "", ""),
        ("Cleo Park", "cleo@beta.example", "0170 1", ""),
        ("Dan Ray", "", "", ""),
    ]


def test_a_file_changed_after_the_preview_is_refused(
    context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "KEEP_ALL_BYTES", 0)
    monkeypatch.setattr(importing, "SAMPLE_ROWS", 1)
    path = tmp_path / "small.csv"
    path.write_text(ROWS_OF_A_SMALL_FILE, encoding="utf-8")
    preview = context.importing.preview(path)
    path.write_text(ROWS_OF_A_SMALL_FILE + "Eve Lund,,,,\r\n", encoding="utf-8")
    with pytest.raises(UnreadableFile, match="changed since the preview"):
        context.importing.run(preview)
    assert imported(context) == []
