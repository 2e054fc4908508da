"""Merging an imported row into a customer: fill what is empty, never overwrite, keep notes."""

from __future__ import annotations

from typing import Any

from app.validation import search_key
from models.customer import Customer

FILL = ("company", "email", "phone", "source", "job_title", "language")
# An address is taken whole, and only by a customer who has none: never parts of two.
ADDRESS = ("street", "postal_code", "city", "region", "country")
BIRTHDAY = ("birthday_month", "birthday_day", "birthday_year")
NOTES_LIMIT = 20_000


def _joined_notes(old: str, new: str) -> str:
    if not new or new in old:
        return old
    joined = f"{old}\n\n{new}" if old else new
    return joined[:NOTES_LIMIT]


def merge_values(target: dict[str, Any], values: dict[str, Any]) -> None:
    """Merge into a row that is about to be inserted (a file that repeats a contact)."""
    for key in FILL:
        if not target[key] and values[key]:
            target[key] = values[key]
    if target["birthday_month"] is None and values["birthday_month"] is not None:
        for key in BIRTHDAY:
            target[key] = values[key]
    if not any(target[key] for key in ADDRESS) and any(values[key] for key in ADDRESS):
        for key in ADDRESS:
            target[key] = values[key]
    target["notes"] = _joined_notes(target["notes"], values["notes"])
    target["search_text"] = search_key(
        target["name"], target["company"], target["email"], target["phone"],
        target["job_title"], target["city"],
    )  # fmt: skip


def merge_into(customer: Customer, values: dict[str, Any]) -> None:
    """The same for a stored customer: what the user typed always wins over the file."""
    fields = (*FILL, *BIRTHDAY, *ADDRESS, "name", "notes")
    current = {key: getattr(customer, key) for key in fields}
    current["search_text"] = customer.search_text
    merge_values(current, values)
    for key, value in current.items():
        if getattr(customer, key) != value:
            setattr(customer, key, value)
