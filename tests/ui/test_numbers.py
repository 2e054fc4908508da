"""Counts on screen: grouped as the interface's locale writes them, even with no locale set."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from ui.numbers import count_text


@pytest.fixture(autouse=True)
def default_locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


def test_the_bare_c_locale_still_groups_thousands() -> None:
    QLocale.setDefault(QLocale.c())
    assert count_text(12_500) == "12,500"
    assert count_text(1234.56, 1) == "1,234.6"


def test_a_dutch_interface_reads_dutch_counts() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    assert count_text(12_500) == "12.500"
    assert count_text(1234.56, 1) == "1.234,6"
