"""Counts as the interface's locale writes them: '12,500' in English, '12.500' in Dutch."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def count_text(count: int | float, decimals: int = 0) -> str:
    """A count (or a size) with the locale's grouping and decimal mark."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        # The bare "C" locale (no LANG set) drops the grouping: read it as English.
        return f"{count:,.{decimals}f}"
    if decimals == 0:
        return locale.toString(round(count))
    return locale.toString(float(count), "f", decimals)
