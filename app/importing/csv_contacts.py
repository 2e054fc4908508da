"""CSV rows to contacts through a column mapping; user mappings checked against the header."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

from app.dto.imports import MULTI_FIELDS
from app.i18n import _
from app.importing.address_columns import ADDRESS_FIELDS, take_address
from app.importing.dialects import CUT_OFF
from app.importing.encodings import UnreadableFile
from app.importing.layouts import FIELD_NAMES, SYSTEM_GROUP, Mapping, kept_columns
from app.importing.records import RawContact

# Google joins several values of one kind with this.
GOOGLE_JOIN = " ::: "
# Outlook on Exchange writes the address book's name for a colleague where the address goes
# (/o=ExchangeLabs/ou=.../cn=Recipients/cn=...) and the SMTP address beside the display name.
_EXCHANGE = "/o="
_DISPLAY = re.compile(r"E-?mail(?: \d)?:? (?:Display Name|Angezeigter Name)", re.IGNORECASE)
_ADDRESS = re.compile(r"[<(]\s*([^\s<>()@]+@[^\s<>()@]+)\s*[>)]")


def header_key(headers: list[str]) -> str:
    """A stable key for a header set, so a mapping is remembered for files like this one."""
    text = "\x1f".join(header.strip().casefold() for header in headers)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def mapping_from_json(
    value: Any, headers: list[str], fields: Sequence[str] = FIELD_NAMES
) -> Mapping:
    """{"name": "Full name", "email": ["Mail", "Mail 2"], ...} checked against the file
    and the `fields` there are (a contact's, or a deal's)."""
    if not isinstance(value, dict):
        raise UnreadableFile(_("the mapping must be a JSON object of field: column header"))
    mapping: dict[str, tuple[str, ...]] = {}
    present = set(headers)
    for field, columns in value.items():
        if field not in fields:
            raise UnreadableFile(
                _("the mapping names an unknown field {field!r}; use {choices}").format(
                    field=field, choices=", ".join(fields)
                )
            )
        names = (columns,) if isinstance(columns, str) else columns
        if not isinstance(names, list | tuple) or not all(isinstance(n, str) for n in names):
            raise UnreadableFile(
                _("the mapping for {field!r} must be a header name or a list").format(field=field)
            )
        missing = [name for name in names if name not in present]
        if missing:
            raise UnreadableFile(
                _("the file has no column {missing!r} (mapped to {field!r})").format(
                    missing=missing[0], field=field
                )
            )
        mapping[field] = tuple(names)
    return mapping


def mapping_to_json(mapping: Mapping) -> dict[str, list[str]]:
    return {field: list(columns) for field, columns in mapping.items() if columns}


def contacts(
    rows: Iterator[tuple[int, list[str] | None]], headers: list[str], mapping: Mapping
) -> Iterator[RawContact | tuple[int, str]]:
    """One contact per data row; columns beyond a short row count as empty."""
    index: dict[str, int] = {}
    for position, header in enumerate(headers):
        index.setdefault(header, position)
    plan = [
        (field, positions)
        for field in FIELD_NAMES
        if field not in ADDRESS_FIELDS
        and (positions := [index[name] for name in mapping.get(field, ()) if name in index])
    ]
    displays = [n for n, header in enumerate(headers) if _DISPLAY.fullmatch(header)]
    addresses = [
        (field, name, index[name])
        for field in ADDRESS_FIELDS
        for name in mapping.get(field, ())
        if name in index
    ]
    # Every other column the user can see keeps its values, in the notes (issue 17).
    kept = kept_columns(headers, mapping)
    # A file with a source column says where each contact came from, even when empty.
    source_given = any(field == "source" for field, _ in plan)
    # Most fields have one column: read straight from it (the loop runs for every row).
    single = [(f, p[0]) for f, p in plan if len(p) == 1 and f not in MULTI_FIELDS]
    # An e-mail or phone field of one column is usually one value: listed as it is.
    one_list = [(f == "email", p[0]) for f, p in plan if len(p) == 1 and f in MULTI_FIELDS]
    several = [(f, p) for f, p in plan if len(p) > 1]
    joined = GOOGLE_JOIN.strip()
    for number, row in rows:
        if row is None:
            yield number, _(CUT_OFF).format(row=number)
            continue
        contact = RawContact(row=number, source_given=source_given)
        width = len(row)
        if addresses:
            take_address(contact, [(f, h, _cell(row, i)) for f, h, i in addresses])
        for field, position in single:
            if position < width and (value := row[position].strip()):
                setattr(contact, field, value)
        for is_email, position in one_list:
            if position < width and (value := row[position].strip()):
                target = contact.emails if is_email else contact.phones
                if joined in value:
                    target.extend(_parts(value, joined, target))
                else:
                    target.append(value)
        for field, positions in several:
            values = [row[i].strip() for i in positions if i < width and row[i].strip()]
            if field in MULTI_FIELDS:
                found = [part for v in values for part in _parts(v, joined, [])]
                target = contact.emails if field == "email" else contact.phones
                target.extend(part for part in found if part not in target)
            elif values:
                setattr(contact, field, values[0])
        for header, position, defaults in kept:
            if position < width and (value := _kept_value(row[position], joined, defaults)):
                contact.kept.append(f"{header}: {value}")
        if displays and any(email[:3].lower() == _EXCHANGE for email in contact.emails):
            _exchange_to_smtp(contact, [row[i] for i in displays if i < len(row)])
        yield contact


def _kept_value(cell: str, joined: str, defaults: frozenset[str]) -> str:
    """A cell as kept in the notes: "" for nothing typed (empty, the column's default in an
    address book's export, only Google's own groups)."""
    value = cell.strip()
    if not value or value.casefold() in defaults:
        return ""
    if value.startswith(SYSTEM_GROUP) or joined in value:
        parts = _parts(value, joined, [])
        value = ", ".join(part for part in parts if not part.startswith(SYSTEM_GROUP))
    return value


def _parts(value: str, joined: str, held: list[str]) -> list[str]:
    """The values Google joined into one cell, without empty ones or repeats of `held`."""
    found: list[str] = []
    for part in value.split(joined):
        part = part.strip()
        if part and part not in held and part not in found:
            found.append(part)
    return found


def _exchange_to_smtp(contact: RawContact, displays: list[str]) -> None:
    """The SMTP addresses win over Exchange names, which are kept only when there is none."""
    smtp = [email for email in contact.emails if email[:3].lower() != _EXCHANGE]
    for display in displays:
        found = _ADDRESS.search(display)
        if found and found.group(1) not in smtp:
            smtp.append(found.group(1))
    if smtp:
        contact.emails = smtp


def _cell(row: list[str], position: int) -> str:
    return row[position].strip() if position < len(row) else ""
