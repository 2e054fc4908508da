"""Colours derived from the palette (light, dark or high contrast alike), each text colour
checked to read at 4.5:1 on the background it is drawn on."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtGui import QColor, QGuiApplication, QPalette

# WCAG 2 AA for body text.
READABLE = 4.5
# Starting points for the accents; `readable` moves their lightness until they read.
_RED = ("#b3261e", "#ff8a80")
_AMBER = ("#8a5300", "#ffc65c")
_GREEN = ("#1b6e3a", "#7ddc9a")


def luminance(color: QColor) -> float:
    """Relative luminance (WCAG 2)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(color: QColor, background: QColor, minimum: float = READABLE) -> QColor:
    """`color`, made darker on a light background (lighter on a dark one) until it reads."""
    dark_ground = luminance(background) < 0.5
    hue, saturation = color.hslHueF(), color.hslSaturationF()
    lightness, alpha = color.lightnessF(), color.alphaF()
    step = 0.02 if dark_ground else -0.02
    candidate = QColor(color)
    while contrast(candidate, background) < minimum and 0.0 < lightness < 1.0:
        lightness = min(1.0, max(0.0, lightness + step))
        candidate = QColor.fromHslF(max(hue, 0.0), saturation, lightness, alpha)
    return candidate


def mix(one: QColor, other: QColor, share: float) -> QColor:
    """`one` with `share` of `other` mixed in."""
    return QColor.fromRgbF(
        one.redF() * (1 - share) + other.redF() * share,
        one.greenF() * (1 - share) + other.greenF() * share,
        one.blueF() * (1 - share) + other.blueF() * share,
    )


@dataclass(frozen=True)
class Tones:
    """The colours the screens draw with, for one palette."""

    text: QColor
    quiet: QColor  # secondary text: company, kind and channel, hints
    base: QColor
    window: QColor
    highlight: QColor
    highlighted_text: QColor
    overdue: QColor  # late, and errors
    at_risk: QColor  # promises at risk, warnings
    good: QColor  # kept, done
    divider: QColor
    chip: QColor  # a count's background


@lru_cache(maxsize=8)
def _tones(key: tuple[int, ...]) -> Tones:
    text, base, window, highlight, highlighted = (QColor.fromRgba(v) for v in key)
    dark = luminance(base) < 0.5
    pick = 1 if dark else 0
    divider = QColor(text)
    divider.setAlphaF(0.14)
    chip = QColor(text)
    chip.setAlphaF(0.10)
    return Tones(
        text=text,
        quiet=readable(mix(text, base, 0.42), base),
        base=base,
        window=window,
        highlight=highlight,
        highlighted_text=highlighted,
        overdue=readable(QColor(_RED[pick]), base),
        at_risk=readable(QColor(_AMBER[pick]), base),
        good=readable(QColor(_GREEN[pick]), base),
        divider=divider,
        chip=chip,
    )


def tones(palette: QPalette | None = None) -> Tones:
    """The colours for `palette` (the application's by default); cached per palette."""
    palette = palette or QGuiApplication.palette()
    role = QPalette.ColorRole
    key = tuple(
        palette.color(r).rgba()
        for r in (
            role.Text,
            role.Base,
            role.Window,
            role.Highlight,
            role.HighlightedText,
        )
    )
    return _tones(key)
