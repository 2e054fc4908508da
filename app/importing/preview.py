"""The import preview: new rows, rows that look like existing customers, and row errors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from app.dto.imports import Candidate, Duplicate, ImportPlan, RowError, RowWarning
from app.errors import ValidationError
from app.i18n import _
from app.importing.lenient import to_input
from app.importing.matching import DuplicateIndex, Existing
from app.importing.records import RawContact, checked_values

# Files up to this size keep every checked row from the preview for the import; bigger
# ones keep a sample and are read again (checked rows take ten times the file's size).
KEEP_ALL_BYTES = 16_000_000
SAMPLE_ROWS = 100


Sorted = Candidate | Duplicate | RowError
Read = Sorted | RowWarning


def build_plan(
    items: Iterable[RawContact | tuple[int, str]],
    index: DuplicateIndex,
    default_source: str,
    keep: int | None = None,
) -> ImportPlan:
    """The sorted rows; with `keep`, only that many new rows are held (a sample)."""
    new: list[Candidate] = []
    duplicates: list[Duplicate] = []
    errors: list[RowError] = []
    warnings: list[RowWarning] = []
    count = 0
    for item in classify(items, index, default_source):
        if isinstance(item, RowWarning):
            warnings.append(item)
        elif isinstance(item, Candidate):
            count += 1
            if keep is None or len(new) < keep:
                new.append(item)
        elif isinstance(item, Duplicate):
            duplicates.append(item)
        else:
            errors.append(item)
    return ImportPlan(
        tuple(new),
        tuple(duplicates),
        tuple(errors),
        count,
        keep is None or count <= keep,
        tuple(warnings),
    )


def classify(
    items: Iterable[RawContact | tuple[int, str]], index: DuplicateIndex, default_source: str
) -> Iterator[Read]:
    """Check each row and look for its match; accepted rows join the index (file repeats).

    A row's warnings (values kept in its notes) come just before the row itself.
    """
    for item in items:
        if isinstance(item, tuple):
            yield RowError(*item)
            continue
        try:
            data, warnings = to_input(item, default_source, index.region)
            values = checked_values(data)
        except ValidationError as exc:
            yield RowError(item.row, exc.message)
            continue
        yield from warnings
        name, company = values["name"], values["company"]
        keys = index.keys(name, company, values["email"], values["phone"])
        hit = index.find(name, keys)
        if hit is None:
            yield Candidate(item.row, data, values)
            # Negative ids stand for rows of this file that are not in the database yet.
            index.add(Existing(-item.row, name, company, values["email"], values["phone"]), keys)
        elif hit[0] < 0:
            why = _("{reason} as row {row}").format(reason=hit[1], row=-hit[0])
            yield Duplicate(
                item.row, data, values, None, index.names[hit[0]], why, earlier_row=-hit[0]
            )
        else:
            yield Duplicate(item.row, data, values, hit[0], index.names[hit[0]], hit[1])
