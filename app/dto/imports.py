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

# What the import preview offers when the guessed encoding is wrong: Python codec, name shown.
ENCODINGS = (
    ("utf_8", "UTF-8"), ("cp1252", "Windows-1252"), ("cp1250", "Windows-1250"),
    ("cp1251", "Windows-1251"), ("cp1253", "Windows-1253"), ("cp1254", "Windows-1254"),
    ("cp1257", "Windows-1257"), ("iso8859_15", "ISO-8859-15"), ("shift_jis", "Shift-JIS"),
    ("euc_jp", "EUC-JP"), ("gb18030", "GB18030"), ("big5", "Big5"), ("euc_kr", "EUC-KR"),
    ("koi8_r", "KOI8-R"), ("mac_roman", "Mac Roman"), ("utf_16_le", "UTF-16 LE"),
    ("utf_16_be", "UTF-16 BE"),
)  # fmt: skip


@dataclass(frozen=True)
class ImportResult:
    """What the import did (or, for a dry run, would do)."""

    added: int
    merged: int
    skipped: int
    errors: tuple[RowError, ...]
    backup: BackupInfo | None = None
