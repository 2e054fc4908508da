"""Google joins several e-mails or phones into one cell with ' ::: '; each is a value."""

from __future__ import annotations

from app.importing.csv_contacts import contacts
from app.importing.records import RawContact

HEADERS = ["Name", "E-mail 1 - Value", "E-mail 2 - Value", "Phone 1 - Value"]
MAPPING = {"name": ("Name",), "email": ("E-mail 1 - Value", "E-mail 2 - Value")}


def read(row: list[str], mapping: dict[str, tuple[str, ...]]) -> RawContact:
    (contact,) = contacts(iter([(2, row)]), HEADERS, mapping)
    assert isinstance(contact, RawContact)
    return contact


def test_one_column_cells_are_split_without_empty_parts_or_repeats() -> None:
    mapping = {"name": ("Name",), "email": ("E-mail 1 - Value",), "phone": ("Phone 1 - Value",)}
    cell = " a@x.example ::: ::: b@x.example ::: a@x.example "
    contact = read(["Ana", cell, "", "0170 1"], mapping)
    assert contact.emails == ["a@x.example", "b@x.example"] and contact.phones == ["0170 1"]


def test_several_columns_are_split_and_repeats_across_them_dropped() -> None:
    cells = ["a@x.example ::: b@x.example", "b@x.example ::: c@x.example"]
    contact = read(["Ana", *cells, ""], MAPPING)
    assert contact.emails == ["a@x.example", "b@x.example", "c@x.example"]
