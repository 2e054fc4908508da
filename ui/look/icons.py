"""Icons from the Lucide SVG set in resources/icons/lucide, drawn in the palette's colours at
whatever size and display scale they are shown, so they stay sharp and follow dark mode."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.paths import resources_dir

# One meaning each (DESIGN.md principle 5): kinds, channels, pages and actions.
KIND_ICONS = {
    "thank_you": "heart-handshake",
    "delivery_check": "package-check",
    "check_in": "message-circle",
    "value_add": "lightbulb",
    "feedback": "message-square-quote",
    "referral": "users",
    "birthday": "cake",
    "recovery": "life-buoy",
    "request": "inbox",
}
CHANNEL_ICONS = {
    "email": "mail",
    "phone": "phone",
    "text": "message-square",
    "in_person": "handshake",
    "letter": "mail-open",
    "social": "share-2",
}


@cache
def _svg(name: str) -> bytes:
    return (resources_dir() / "icons" / "lucide" / f"{name}.svg").read_bytes()


class _SvgEngine(QIconEngine):
    """Draws one SVG in the colour of the icon's mode: text, quiet when disabled, the
    highlighted text colour when selected (or a fixed colour, for a status)."""

    def __init__(self, name: str, colour: QColor | None = None) -> None:
        super().__init__()
        self._name = name
        self._colour = colour

    def _colour_for(self, mode: QIcon.Mode) -> QColor:
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        if mode == QIcon.Mode.Selected:
            return palette.color(QPalette.ColorRole.HighlightedText)
        return self._colour or palette.color(QPalette.ColorRole.WindowText)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        colour = self._colour_for(mode)
        # Lucide draws with stroke="currentColor": the colour goes in as text (SVG knows
        # #rrggbb; a translucent colour becomes the stroke's opacity).
        svg = _svg(self._name).replace(b"currentColor", colour.name().encode())
        if colour.alphaF() < 1:
            svg = svg.replace(b"<svg", f'<svg stroke-opacity="{colour.alphaF():.2f}"'.encode(), 1)
        renderer = QSvgRenderer(QByteArray(svg))
        side = min(rect.width(), rect.height())
        square = QRectF(
            rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side
        )
        renderer.render(painter, square)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._name, self._colour)


def icon(name: str, colour: QColor | None = None) -> QIcon:
    """The Lucide icon `name` in the text colour of the palette (or in `colour`)."""
    return QIcon(_SvgEngine(name, colour))
