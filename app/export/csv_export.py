"""CSV for Excel and LibreOffice: BOM by default, and no formulas smuggled in through cells."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from app.dto.exports import DELIMITERS, ENCODINGS
from app.errors import ValidationError
from app.export.output_file import atomic_writer
from app.export.spreadsheet_formula import is_formula
from app.i18n import _
from app.validation import PHONE_PATTERN

# What makes Excel and LibreOffice read a cell as a formula (or shift it: tab, CR).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_phone(value: str) -> bool:
    """+49 170 1234567 and the like: only digits and separators, so no formula can hide."""
    digits = sum(ch.isdigit() for ch in value)
    return digits >= 5 and PHONE_PATTERN.fullmatch(value.strip()) is not None


def neutralise(value: str) -> str:
    """Prefix ' to a cell a spreadsheet would run as a formula; phone numbers stay readable
    unless a spreadsheet would compute them too (+49-170-1234567 is a subtraction)."""
    if value.startswith(_FORMULA_START) and (not looks_like_phone(value) or is_formula(value)):
        return "'" + value
    return value


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return neutralise(str(value))


def write_csv(
    target: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    encoding: str = "utf-8-bom",
    delimiter: str = ",",
) -> int:
    """Write the rows under the header; returns how many rows were written."""
    if encoding not in ENCODINGS:
        raise ValidationError(
            _("unknown encoding {encoding!r}; use {choices}").format(
                encoding=encoding, choices=", ".join(ENCODINGS)
            )
        )
    if delimiter not in DELIMITERS:
        raise ValidationError(
            _("unknown separator {delimiter!r}; use , ; or tab").format(delimiter=delimiter)
        )
    count = 0
    codec = ENCODINGS[encoding]
    # Characters Windows-1252 lacks become '?' rather than failing the whole export.
    errors = "replace" if codec == "cp1252" else "strict"
    with atomic_writer(target, encoding=codec, newline="", errors=errors) as handle:
        writer = csv.writer(handle, delimiter=DELIMITERS[delimiter], lineterminator="\r\n")
        writer.writerow([cell(name) for name in header])
        for row in rows:
            writer.writerow([cell(value) for value in row])
            count += 1
    return count
