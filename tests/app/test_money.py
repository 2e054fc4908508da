"""Amounts read as the locale writes them, not as "51500.00 EUR"."""

from __future__ import annotations

from app.money import money_text


def test_amounts_carry_the_currency_symbol_and_the_locale_separators() -> None:
    assert money_text(5_150_000, "EUR") == "€51,500.00"
    assert money_text(5_150_000, "EUR", "de_DE") == "51.500,00\xa0€"
    assert money_text(99, "USD", "en_US") == "$0.99"


def test_an_unknown_locale_still_reads_as_an_amount() -> None:
    assert money_text(5_150_000, "EUR", "xx_YY") == "51,500.00 EUR"
