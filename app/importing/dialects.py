"""CSV separators: the one that splits the header line best, outside quotes."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}


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


def read_rows(text: str, separator: str) -> Iterator[tuple[int, list[str]]]:
    """Rows numbered as a spreadsheet shows them (header = row 1); blank rows are left out."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=False)
    for number, row in enumerate(reader, start=1):
        if any(cell.strip() for cell in row):
            yield number, row
