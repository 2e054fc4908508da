"""CSV separators (the one that splits the header line best) and rows read as a stream."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

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


def read_rows(lines: Iterable[str], separator: str) -> Iterator[tuple[int, list[str]]]:
    """Rows numbered as a spreadsheet shows them (header = row 1); blank rows are left out."""
    # Process-wide, and only ever raised: set on each read so the limit is always ours.
    csv.field_size_limit(MAX_CELL)
    reader = csv.reader(lines, delimiter=separator, strict=False)
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field limit" in str(exc):
                raise UnreadableFile(
                    f"row {number + 1} has a cell longer than {MAX_CELL:,} characters; "
                    "shorten it or remove the row, then import again"
                ) from exc
            raise UnreadableFile(f"row {number + 1} cannot be read as CSV: {exc}") from exc
        number += 1
        if any(cell.strip() for cell in row):
            yield number, row
