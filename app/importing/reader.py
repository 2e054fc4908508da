"""Open an import file: decode, recognise the format and layout, and stream its contacts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.dto.imports import FORMATS
from app.export import json_export
from app.i18n import _
from app.importing.csv_contacts import contacts, header_key, mapping_from_json
from app.importing.dialects import SEPARATORS, detect_separator, read_rows
from app.importing.encodings import TextSource, UnreadableFile
from app.importing.layouts import Layout, Mapping, detect_layout, guess_mapping, has_name
from app.importing.records import RawContact
from app.importing.vcard import read_cards

SOURCES = {
    "outlook": "Outlook import",
    "google": "Google Contacts import",
    "thunderbird": "Thunderbird import",
    "vcard": "vCard import",
    "csv": "CSV import",
}
Item = RawContact | tuple[int, str]


@dataclass(frozen=True)
class ParsedFile:
    """What was recognised; items() reads the contacts (or per-row errors) in file order.

    The file is read again on each call rather than held: a file of a gigabyte is
    imported in the memory of a few rows at a time.
    """

    format: str
    label: str
    source: TextSource
    separator: str
    headers: tuple[str, ...]
    header_key: str
    mapping: Mapping

    @property
    def encoding(self) -> str:
        """As found by the last read (which lines were in Windows-1252 is known after one)."""
        return self.source.encoding

    @property
    def truncated(self) -> bool:
        return self.source.truncated

    @property
    def size(self) -> int:
        return self.source.stamp[0]

    def items(self) -> Iterator[Item]:
        if self.format == "vcard":
            return read_cards(self.source.lines())
        separator = next(key for key, name in SEPARATORS.items() if name == self.separator)
        rows = read_rows(self.source.lines(), separator)
        next(rows, None)  # the header line
        return contacts(rows, list(self.headers), self.mapping)


def looks_like_vcard(text: str) -> bool:
    return text.lstrip("\ufeff \r\n\t")[:11].upper() == "BEGIN:VCARD"


def parse_file(
    path: Path,
    fmt: str = "auto",
    user_mapping: dict[str, Any] | None = None,
    remembered: dict[str, Mapping] | None = None,
    encoding: str | None = None,
) -> ParsedFile:
    """Recognise the file from its first lines; raises UnreadableFile when it holds no contacts."""
    if fmt not in FORMATS:
        raise UnreadableFile(
            _("unknown format {fmt!r}; use one of {choices}").format(
                fmt=fmt, choices=", ".join(FORMATS)
            )
        )
    if fmt == "auto" and json_export.is_export(path):
        raise UnreadableFile(
            _(
                "{name} is a complete Follow-Up Planner export, not a contact file; load "
                "it into an empty database with: followup import FILE --format json"
            ).format(name=path.name)
        )
    source = TextSource(path, encoding)
    first = next((line for line in source.lines() if line.strip()), None)
    if first is None:
        raise UnreadableFile(_("{name} is empty").format(name=path.name))
    if fmt == "vcard" or (fmt == "auto" and looks_like_vcard(first)):
        return ParsedFile("vcard", "vCard", source, "", (), "", {})
    separator = detect_separator(first)
    header = next(read_rows(source.lines(), separator), None)
    if header is None or header[1] is None:
        raise UnreadableFile(_("{name} has no header line").format(name=path.name))
    headers = [cell.strip().lstrip("\ufeff") for cell in header[1]]
    mapping = mapping_from_json(user_mapping, headers) if user_mapping is not None else None
    layout = _layout(headers, fmt, mapping, remembered or {})
    return ParsedFile(
        layout.key,
        layout.label,
        source,
        SEPARATORS[separator],
        tuple(headers),
        header_key(headers),
        layout.mapping,
    )


def _layout(
    headers: list[str], fmt: str, mapping: Mapping | None, remembered: dict[str, Mapping]
) -> Layout:
    if mapping is not None:
        return Layout("csv", _("CSV (your column mapping)"), mapping)
    detected = detect_layout(headers)
    if fmt in {"outlook", "google", "thunderbird"}:
        if detected is None or detected.key != fmt:
            raise UnreadableFile(
                _("the file does not have {source}'s columns").format(
                    source=SOURCES[fmt].split()[0]
                )
            )
        return detected
    if detected is not None and fmt == "auto":
        return detected
    saved = remembered.get(header_key(headers))
    if saved is not None:
        return Layout("csv", _("CSV (remembered column mapping)"), saved)
    guessed = guess_mapping(headers)
    if not has_name(guessed):
        raise UnreadableFile(
            _(
                "unknown file layout: no column holds a name; choose the columns "
                "(import dialog) or pass --mapping FILE"
            )
        )
    return Layout("csv", _("CSV (columns recognised by name)"), guessed)
