"""Amounts in the interface's locale (the one home the screens format money through)."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from app.money import money_text


def amount_text(amount_minor: int, currency: str) -> str:
    """The amount as the user's locale writes it, with the currency's symbol."""
    locale = QLocale()
    # The bare "C" locale (no LANG set) would drop the grouping: read it as English.
    name = "en" if locale.language() == QLocale.Language.C else locale.name()
    return money_text(amount_minor, currency, name)
