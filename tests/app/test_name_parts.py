"""How a stored name splits for a letter's greeting, per language."""

from __future__ import annotations

import pytest

from app.messages.name_parts import NameParts, name_parts


@pytest.mark.parametrize(
    ("name", "language", "family_first", "expected"),
    [
        ("Maria Becker", "en", False, ("Maria", "Becker")),
        ("Jan van der Berg", "nl", False, ("Jan", "Van der Berg")),
        ("Anna de Vries", "nl", False, ("Anna", "De Vries")),
        ("Els van 't Hek", "nl", False, ("Els", "Van 't Hek")),
        ("Pieter Jan de Boer", "nl", False, ("Pieter", "De Boer")),
        # Only Dutch letters move the prefix: an English letter keeps the last word.
        ("Ludwig van Beethoven", "en", False, ("Ludwig", "Beethoven")),
        ("Kovács Mária", "hu", True, ("Mária", "Kovács")),
        ("Cher", "nl", False, ("Cher", "Cher")),
        ("  Maria   Becker ", "en", False, ("Maria", "Becker")),
    ],
)
def test_name_parts(
    name: str, language: str, family_first: bool, expected: tuple[str, str]
) -> None:
    parts = name_parts(name, family_first, language)
    assert (parts.given, parts.family) == expected
    assert parts.full == " ".join(name.split())


def test_no_name_is_no_parts() -> None:
    assert name_parts("   ", language="nl") == NameParts("", "", "")
