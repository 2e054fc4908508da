"""Series colours for the Insights charts, derived from the palette: readable on a light
and on a dark window alike, each with a pattern of its own so colour is never the only cue."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette


class Tone(Enum):
    """What a series means, which decides its hue: good, warning, bad, neutral, accent."""

    GOOD = "good"
    WARN = "warn"
    BAD = "bad"
    NEUTRAL = "neutral"
    ACCENT = "accent"
    SECOND = "second"


# Hues in degrees; the accent takes the palette's Highlight hue.
_HUES = {Tone.GOOD: 150, Tone.WARN: 38, Tone.BAD: 2, Tone.SECOND: 275}
# A pattern per series position: solid, then hatches a printout or a colour-blind eye tells apart.
PATTERNS = (
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.Dense4Pattern,
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.FDiagPattern,
)


@dataclass(frozen=True)
class Ink:
    """How one series is painted."""

    fill: QColor
    pattern: Qt.BrushStyle
    line: QColor


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def tone_colour(palette: QPalette, tone: Tone) -> QColor:
    """The tone's colour at a lightness that stands out from the window: darker on light
    windows, lighter on dark ones."""
    dark = is_dark(palette)
    if tone is Tone.NEUTRAL:
        text = palette.color(QPalette.ColorRole.Text)
        window = palette.color(QPalette.ColorRole.Window)
        return _mix(text, window, 0.45)
    if tone is Tone.ACCENT:
        hue = palette.color(QPalette.ColorRole.Highlight).hslHueF()
        hue = 0.58 if hue < 0 else hue  # a grey highlight has no hue: a calm blue
    else:
        hue = _HUES[tone] / 360
    return QColor.fromHslF(hue, 0.62 if dark else 0.70, 0.66 if dark else 0.40)


def inks(palette: QPalette, tones: list[Tone]) -> list[Ink]:
    """One ink per series, in order."""
    found = []
    for position, tone in enumerate(tones):
        colour = tone_colour(palette, tone)
        found.append(Ink(colour, PATTERNS[position % len(PATTERNS)], colour))
    return found


def hatch_colour(palette: QPalette) -> QColor:
    """The hatch drawn over a fill: the window's colour, half see-through."""
    colour = QColor(palette.color(QPalette.ColorRole.Window))
    colour.setAlphaF(0.55)
    return colour


def grid_colour(palette: QPalette) -> QColor:
    return _mix(
        palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.18
    )


def _mix(front: QColor, back: QColor, share: float) -> QColor:
    return QColor.fromRgbF(
        front.redF() * share + back.redF() * (1 - share),
        front.greenF() * share + back.greenF() * (1 - share),
        front.blueF() * share + back.blueF() * (1 - share),
    )
