"""An import as the faces see it: the rows it would add, match or refuse, and what it did."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.dto.customers import CustomerInput
from app.dto.system import BackupInfo

DUPLICATE_CHOICES = ("skip", "merge", "add")


@dataclass(frozen=True)
class Candidate:
    """A valid row that becomes a new customer."""

    row: int
    data: CustomerInput
    values: dict[str, Any]


@dataclass(frozen=True)
class Duplicate:
    """A valid row that looks like a customer we have (or an earlier row of the same file)."""

    row: int
    data: CustomerInput
    values: dict[str, Any]
    customer_id: int | None
    customer_name: str
    reason: str
    earlier_row: int | None = None


@dataclass(frozen=True)
class RowError:
    """A row that cannot be imported, and why."""

    row: int
    error: str


@dataclass(frozen=True)
class RowWarning:
    """A value of an imported row that could not be read: it went into the notes verbatim."""

    row: int
    field: str
    value: str
    message: str


@dataclass(frozen=True)
class ImportPlan:
    """Every row of the file, sorted into new, duplicate and error.

    `new` holds every new row when `complete`, else the first SAMPLE_ROWS of them;
    `new_count` counts them all.
    """

    new: tuple[Candidate, ...]
    duplicates: tuple[Duplicate, ...]
    errors: tuple[RowError, ...]
    new_count: int
    complete: bool = True
    warnings: tuple[RowWarning, ...] = ()


FORMATS = ("auto", "outlook", "google", "thunderbird", "vcard", "csv")


MULTI_FIELDS = ("email", "phone")


@dataclass(frozen=True)
class ImportResult:
    """What the import did (or, for a dry run, would do)."""

    added: int
    merged: int
    skipped: int
    errors: tuple[RowError, ...]
    backup: BackupInfo | None = None
