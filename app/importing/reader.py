"""Open an import file: decode, recognise the format and layout, and read its contacts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.importing.csv_contacts import contacts, header_key, mapping_from_json
from app.importing.dialects import SEPARATORS, detect_separator, read_rows
from app.importing.encodings import UnreadableFile, decode
from app.importing.layouts import Layout, Mapping, detect_layout, guess_mapping, has_name
from app.importing.records import RawContact
from app.importing.vcard import read_cards

FORMATS = ("auto", "outlook", "google", "vcard", "csv")
SOURCES = {
    "outlook": "Outlook import",
    "google": "Google Contacts import",
    "vcard": "vCard import",
    "csv": "CSV import",
}


@dataclass(frozen=True)
class ParsedFile:
    """What was recognised, and the contacts (or per-card errors) in file order."""

    format: str
    label: str
    encoding: str
    separator: str
    headers: tuple[str, ...]
    header_key: str
    mapping: Mapping
    items: list[RawContact | tuple[int, str]] = field(repr=False)
    truncated: bool = False


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableFile(f"{path} does not exist") from exc
    except IsADirectoryError as exc:
        raise UnreadableFile(f"{path} is a folder, not a file") from exc
    except OSError as exc:
        raise UnreadableFile(f"cannot read {path}: {exc.strerror}") from exc


def looks_like_vcard(text: str) -> bool:
    return text.lstrip("\ufeff \r\n\t")[:11].upper() == "BEGIN:VCARD"


def parse_file(
    path: Path,
    fmt: str = "auto",
    user_mapping: dict[str, Any] | None = None,
    remembered: dict[str, Mapping] | None = None,
) -> ParsedFile:
    """Read the whole file; raises UnreadableFile when nothing in it can be read as contacts."""
    if fmt not in FORMATS:
        raise UnreadableFile(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    decoded = decode(read_bytes(path))
    text = decoded.text
    if not text.strip():
        raise UnreadableFile(f"{path.name} is empty")
    if fmt == "vcard" or (fmt == "auto" and looks_like_vcard(text)):
        cards = list(read_cards(text))
        return ParsedFile(
            "vcard", "vCard", decoded.encoding, "", (), "", {}, cards, decoded.truncated
        )
    separator = detect_separator(text)
    rows = read_rows(text, separator)
    first = next(rows, None)
    if first is None:
        raise UnreadableFile(f"{path.name} has no header line")
    headers = [cell.strip().lstrip("\ufeff") for cell in first[1]]
    mapping = mapping_from_json(user_mapping, headers) if user_mapping is not None else None
    layout = _layout(headers, fmt, mapping, remembered or {})
    items: list[RawContact | tuple[int, str]] = list(contacts(rows, headers, layout.mapping))
    return ParsedFile(
        layout.key,
        layout.label,
        decoded.encoding,
        SEPARATORS[separator],
        tuple(headers),
        header_key(headers),
        layout.mapping,
        items,
        decoded.truncated,
    )


def _layout(
    headers: list[str], fmt: str, mapping: Mapping | None, remembered: dict[str, Mapping]
) -> Layout:
    if mapping is not None:
        return Layout("csv", "CSV (your column mapping)", mapping)
    detected = detect_layout(headers)
    if fmt in {"outlook", "google"}:
        if detected is None or detected.key != fmt:
            raise UnreadableFile(f"the file does not have {SOURCES[fmt].split()[0]}'s columns")
        return detected
    if detected is not None and fmt == "auto":
        return detected
    saved = remembered.get(header_key(headers))
    if saved is not None:
        return Layout("csv", "CSV (remembered column mapping)", saved)
    guessed = guess_mapping(headers)
    if not has_name(guessed):
        raise UnreadableFile(
            "unknown file layout: no column holds a name; choose the columns "
            "(import dialog) or pass --mapping FILE"
        )
    return Layout("csv", "CSV (columns recognised by name)", guessed)
