"""How a customer is addressed: one salutation rule per customer, first name by default."""

from __future__ import annotations

# The salutation rules are app.kinds.SALUTATIONS; these add a title before the surname.
_TITLES = {"ms": "Ms", "mr": "Mr", "dr": "Dr"}


def addressed_as(name: str, salutation: str) -> str:
    """The name a letter or subject uses for this customer: "Maria" or "Ms Becker"."""
    words = name.split()
    if not words:
        return ""
    if salutation == "full":
        return " ".join(words)
    title = _TITLES.get(salutation)
    if title is not None:
        return f"{title} {words[-1]}"
    return words[0]


def greeting(name: str, salutation: str) -> str:
    """The salutation line without its comma: "Dear Maria", or "Hello" without a name."""
    address = addressed_as(name, salutation)
    return f"Dear {address}" if address else "Hello"
