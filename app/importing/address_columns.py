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
    """Fill the contact's address from (field, header, value) in the mapping's order; the
    other addresses (Outlook's home one beside the business one) go into the notes."""
    # The mapping lists the business address before the home one: the first with anything.
    keyed = [(field, address_key(header), value) for field, header, value in found]
    filled = [key for _field, key, value in keyed if value]
    if not filled:
        return
    priority = [key for _field, key, _value in keyed]
    chosen = min(filled, key=priority.index)
    street, code, city, region, country, block = _parts(keyed, chosen)
    contact.street, contact.postal_code, contact.city = street, code, city
    contact.region, contact.country = region, country
    if not (street or code or city or region or country):
        contact.address = block
    for key in dict.fromkeys(filled):
        if key != chosen:
            street, code, city, region, country, block = _parts(keyed, key)
            if not (street or code or city or region or country):
                street = block
            contact.keep_address(street, code, city, region, country)


def _parts(keyed: list[tuple[str, str, str]], key: str) -> tuple[str, str, str, str, str, str]:
    """One address's (street lines, postal code, city, region, country, formatted block)."""
    parts: dict[str, list[str]] = {}
    for field, which, value in keyed:
        if value and which == key:
            parts.setdefault(field, []).append(value)

    def first(field: str) -> str:
        return parts.get(field, [""])[0]

    street = "\n".join(parts.get("street", []))
    return (
        street,
        first("postal_code"),
        first("city"),
        first("region"),
        first("country"),
        first("address"),
    )
