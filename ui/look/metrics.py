"""One spacing scale and one type scale, in device-independent units so 150% and 200%
display scaling stay sharp and in proportion."""

from __future__ import annotations

from PySide6.QtGui import QFont

# Spacing at 100%: Qt scales device-independent pixels with the display.
XS, S, M, L, XL = 4, 8, 12, 16, 24
# Type: sizes relative to the user's own body font, so their font setting is honoured.
_STEPS = {
    "small": (0.9, False),
    "body": (1.0, False),
    "heading": (1.15, True),
    "title": (1.6, True),
}


def font(base: QFont, step: str) -> QFont:
    """The body font at one step of the type scale: small, body, heading or title."""
    factor, bold = _STEPS[step]
    scaled = QFont(base)
    if base.pointSizeF() > 0:
        scaled.setPointSizeF(base.pointSizeF() * factor)
    else:
        scaled.setPixelSize(round(base.pixelSize() * factor))
    scaled.setBold(bold)
    return scaled
