"""Amounts on screen: grouped and with the symbol even where no locale is set."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from ui.amounts import amount_text


@pytest.fixture
def default_locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.mark.usefixtures("default_locale")
def test_the_bare_c_locale_still_groups_thousands() -> None:
    QLocale.setDefault(QLocale.c())
    assert amount_text(5_150_000, "EUR") == "€51,500.00"


@pytest.mark.usefixtures("default_locale")
def test_a_german_desktop_reads_german_amounts() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert amount_text(5_150_000, "EUR") == "51.500,00\xa0€"
