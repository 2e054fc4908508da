"""Small style sheets made from the palette's tones (an error line reads as an error)."""

from __future__ import annotations

from ui.look.tones import tones


def error_style() -> str:
    """An error line: the palette's readable red, bold (the colour is never the only sign:
    the text says what is wrong, as a sentence)."""
    return f"color: {tones().overdue.name()}; font-weight: bold;"


def warning_style() -> str:
    """A warning line: the palette's readable amber."""
    return f"color: {tones().at_risk.name()};"
