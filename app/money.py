"""Amounts as people read them: the currency's symbol and the locale's separators (CLDR)."""

from __future__ import annotations

from functools import lru_cache


# Babel takes some 20 us an amount; a page of drafts asks again for the same few amounts
# each time it is drawn, so the answers are kept.
@lru_cache(maxsize=4096)
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
