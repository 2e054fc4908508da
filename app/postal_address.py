"""A postal address as a letter shows it: street lines, postal code and city, region, country."""

from __future__ import annotations

ADDRESS_FIELDS = ("street", "postal_code", "city", "region", "country")


def address_lines(street: str, postal_code: str, city: str, region: str, country: str) -> list[str]:
    """The lines of the address block, empty parts left out ([] when there is no address)."""
    lines = [line.strip() for line in street.splitlines() if line.strip()]
    town = " ".join(part.strip() for part in (postal_code, city) if part.strip())
    # The region follows the town on one line, as most countries' envelopes write it.
    place = ", ".join(part for part in (town, region.strip()) if part)
    if place:
        lines.append(place)
    if country.strip():
        lines.append(country.strip())
    return lines


def format_address(street: str, postal_code: str, city: str, region: str, country: str) -> str:
    """The address block as one text of lines ("" when there is no address)."""
    return "\n".join(address_lines(street, postal_code, city, region, country))
