"""Past sales brought in from a deal file: what the preview shows and what the import did."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from app.dto.imports import RowError
from app.dto.system import BackupInfo


@dataclass(frozen=True)
class DealMatch:
    """One deal of the file and the customer it belongs to (customer_id None: a new one)."""

    row: int
    customer: str
    customer_id: int | None
    closed_on: dt.date
    outcome: str
    description: str


@dataclass(frozen=True)
class SalesPreview:
    """Every row of the file: deals with their customers, deals still open, and errors."""

    path: Path
    layout: str
    deals: tuple[DealMatch, ...]
    new_customers: int
    open_deals: int
    errors: tuple[RowError, ...]
    # The file's headers and which of them were read for each field (to change them).
    headers: tuple[str, ...] = ()
    mapping: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The columns the user chose, if any: the import reads the file by the same ones.
    columns: dict[str, object] | None = None


@dataclass(frozen=True)
class SalesImportResult:
    """What the import wrote; `in_the_past` counts plan steps whose day had gone."""

    sales: int
    new_customers: int
    touchpoints: int
    in_the_past: int
    open_deals: int
    errors: tuple[RowError, ...]
    backup: BackupInfo | None = None
