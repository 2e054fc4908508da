"""The import preview: new rows, rows that look like existing customers, and row errors."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.dto.customers import CustomerInput
from app.errors import ValidationError
from app.importing.matching import DuplicateIndex, Existing
from app.importing.records import RawContact, checked_values, to_input

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
class ImportPlan:
    """Every row of the file, sorted into new, duplicate and error."""

    new: tuple[Candidate, ...]
    duplicates: tuple[Duplicate, ...]
    errors: tuple[RowError, ...]


def build_plan(
    items: Iterable[RawContact | tuple[int, str]], index: DuplicateIndex, default_source: str
) -> ImportPlan:
    """Check each row and look for its match; accepted rows join the index (file repeats)."""
    new: list[Candidate] = []
    duplicates: list[Duplicate] = []
    errors: list[RowError] = []
    for item in items:
        if isinstance(item, tuple):
            errors.append(RowError(*item))
            continue
        data = to_input(item, default_source)
        try:
            values = checked_values(data)
        except ValidationError as exc:
            errors.append(RowError(item.row, exc.message))
            continue
        name, company = values["name"], values["company"]
        hit = index.find(name, company, values["email"], values["phone"])
        if hit is None:
            new.append(Candidate(item.row, data, values))
            # Negative ids stand for rows of this file that are not in the database yet.
            index.add(Existing(-item.row, name, company, values["email"], values["phone"]))
        elif hit[0] < 0:
            duplicates.append(
                Duplicate(item.row, data, values, None, index.names[hit[0]],
                          f"{hit[1]} as row {-hit[0]}", earlier_row=-hit[0])
            )  # fmt: skip
        else:
            duplicates.append(
                Duplicate(item.row, data, values, hit[0], index.names[hit[0]], hit[1])
            )
    return ImportPlan(tuple(new), tuple(duplicates), tuple(errors))
