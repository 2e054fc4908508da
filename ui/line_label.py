"""A label that asks for one line and wraps only when its row cannot give it one."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel


class LineLabel(QLabel):
    """A word-wrapping label whose preferred width is its text on one line.

    A plain word-wrapped QLabel prefers a narrow block of a few words, so beside other
    fields it wraps even when the row has room; without wrapping, a long translation sets
    the window's least width past the screen. This one takes one line when there is room
    and wraps when there is not."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        margins = self.contentsMargins()
        # As the label lays the line out (the '&' drawn as an underline), plus a pixel that
        # rounding of glyph widths can take, or the last word wraps.
        text = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, self.text())
        one_line = text.width() + 1 + 2 * self.margin() + margins.left() + margins.right()
        return QSize(max(one_line, self.minimumSizeHint().width()), hint.height())
