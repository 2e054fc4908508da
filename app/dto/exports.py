"""What the faces ask of an export, and what it did: calendar files, CSV choices."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class IcsExportRequest:
    """What to export and how."""

    folder: Path
    base_name: str = "follow-ups"
    start: dt.date | None = None
    end: dt.date | None = None
    customer_id: int | None = None
    kinds: tuple[str, ...] = ()
    details: bool = True
    utc: bool = False
    reminder_minutes: int | None = 15
    include_cancelled: bool = False


@dataclass(frozen=True)
class IcsExportResult:
    """How many events went into which files (more than one: split for Google's limit)."""

    events: int
    files: tuple[Path, ...]
    # Calendars of an earlier export under the same name that would have been stale parts.
    removed: tuple[Path, ...] = ()

    @property
    def split(self) -> bool:
        return len(self.files) > 1


CSV_WHAT = ("customers", "touchpoints", "interactions")


# Excel recognises UTF-8 only with the BOM; the others are there for older tools.
ENCODINGS = {
    "utf-8-bom": "utf-8-sig",
    "utf-8": "utf-8",
    "utf-16": "utf-16",
    "windows-1252": "cp1252",
}


DELIMITERS = {",": ",", ";": ";", "tab": "\t"}


@dataclass(frozen=True)
class ExportResult:
    """How many rows (or cards) went into which file."""

    count: int
    file: Path
