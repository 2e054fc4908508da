"""CSV separators (the one that splits the header line best) and rows read as a stream."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from app.i18n import N_, _
from app.importing.encodings import UnreadableFile

SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
# csv's default cell limit (131,072 characters) turns a long note into a crash. A row
# with a longer cell than this is refused by name; shorter ones reach the checks, which
# report a note too long for a customer as that row's error.
MAX_CELL = 10_000_000


def detect_separator(text: str) -> str:
    """`;` (German Excel), `,` or tab, counted on the first non-empty line outside quotes."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda sep: (counts[sep], sep == ","))
    return best if counts[best] else ","


class _Held:
    """The physical lines of the row csv is reading (the last row is checked for a cut)."""

    def __init__(self) -> None:
        self.lines: list[str] = []


def _remembered(lines: Iterable[str], held: _Held) -> Iterator[str]:
    for line in lines:
        held.lines.append(line)
        yield line


def _cut_off(lines: list[str], separator: str) -> bool:
    """True when the lines end inside a quoted cell (csv would take what is there as a row)."""
    try:
        for _ in csv.reader(lines, delimiter=separator, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


# What a row cut off by the end of the file is reported as, in every kind of CSV import.
CUT_OFF = N_(
    "The file looks cut off: row {row} ends inside a quoted cell, so none of that row was imported."
)


def read_rows(lines: Iterable[str], separator: str) -> Iterator[tuple[int, list[str] | None]]:
    """Rows numbered as a spreadsheet shows them (header = row 1); blank rows are left out.

    A last row that ends inside a quoted cell (the file was cut off) comes as None.
    """
    # Process-wide, and only ever raised: set on each read so the limit is always ours.
    csv.field_size_limit(MAX_CELL)
    held = _Held()
    reader = csv.reader(_remembered(lines, held), delimiter=separator, strict=False)
    number = 0
    waiting: tuple[int, list[str]] | None = None
    waiting_lines: list[str] = []
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if "field limit" in str(exc):
                raise UnreadableFile(
                    _(
                        "row {row} has a cell longer than {limit:,} characters; shorten it "
                        "or remove the row, then import again"
                    ).format(row=number + 1, limit=MAX_CELL)
                ) from exc
            raise UnreadableFile(
                _("row {row} cannot be read as CSV: {error}").format(row=number + 1, error=exc)
            ) from exc
        number += 1
        row_lines, held.lines = held.lines, []
        if any(cell.strip() for cell in row):
            # One row behind: only the last row of a file can be cut off.
            if waiting is not None:
                yield waiting
            waiting, waiting_lines = (number, row), row_lines
    if waiting is not None:
        yield (waiting[0], None) if _cut_off(waiting_lines, separator) else waiting
