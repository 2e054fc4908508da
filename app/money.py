"""Amounts as people read them: the currency's symbol and the locale's separators (CLDR)."""

from __future__ import annotations


def money_text(amount_minor: int, currency: str, locale: str = "en") -> str:
    """51500.00 EUR reads "€51,500.00" in English and "51.500,00 €" in German."""
    # Imported on first use: Babel's data is not needed to start the window.
    from babel.core import UnknownLocaleError
    from babel.numbers import UnknownCurrencyError, format_currency

    try:
        return format_currency(amount_minor / 100, currency, locale=locale)
    except (UnknownCurrencyError, UnknownLocaleError, ValueError):
        # A code Babel does not know still reads as an amount and its code.
        return f"{amount_minor / 100:,.2f} {currency}"
