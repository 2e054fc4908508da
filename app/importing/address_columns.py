"""Address columns of a CSV row: one address is taken whole, never the parts of two."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.importing.records import RawContact

# Our address fields; "address" is one formatted block, used when no part is filled.
ADDRESS_FIELDS = ("street", "postal_code", "city", "region", "country", "address")
# The word that names which address a header belongs to, in Outlook's and Google's headers
# ("Business Street 2", "Ort privat", "Address 1 - City"); headers without one share one.
_WHICH = re.compile(r"business|home|other|geschäftlich|privat|weitere|address \d+")


def address_key(header: str) -> str:
    """Which address a header belongs to: "Business Street 2" and "Business City" agree."""
    found = _WHICH.search(header.casefold())
    return found.group() if found else ""


def take_address(contact: RawContact, found: Sequence[tuple[str, str, str]]) -> None:
    """Fill the contact's address from (field, header, value) in the mapping's order."""
    # The mapping lists the business address before the home one: the first with anything.
    keyed = [(field, address_key(header), value) for field, header, value in found]
    filled = [key for _field, key, value in keyed if value]
    if not filled:
        return
    priority = [key for _field, key, _value in keyed]
    chosen = min(filled, key=priority.index)
    parts: dict[str, list[str]] = {}
    for field, key, value in keyed:
        if value and key == chosen:
            parts.setdefault(field, []).append(value)
    contact.street = "\n".join(parts.get("street", []))
    for field in ("postal_code", "city", "region", "country"):
        setattr(contact, field, parts.get(field, [""])[0])
    if not any(parts.get(field) for field in ADDRESS_FIELDS[:-1]):
        contact.address = parts.get("address", [""])[0]
    # The other addresses (Outlook's home one beside the business one) go into the notes.
    for key in dict.fromkeys(filled):
        if key != chosen:
            _keep_other(contact, [(field, value) for field, k, value in keyed if k == key])


def _keep_other(contact: RawContact, values: list[tuple[str, str]]) -> None:
    parts: dict[str, list[str]] = {}
    for field, value in values:
        if value:
            parts.setdefault(field, []).append(value)
    first = {field: found[0] for field, found in parts.items()}
    if any(field in first for field in ADDRESS_FIELDS[:-1]):
        contact.keep_address(
            "\n".join(parts.get("street", [])), first.get("postal_code", ""),
            first.get("city", ""), first.get("region", ""), first.get("country", ""),
        )  # fmt: skip
    else:
        contact.keep_address(first.get("address", ""), "", "", "", "")
