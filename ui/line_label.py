"""A label that asks for one line and wraps only when its row cannot give it one."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel

WIDEST = 100_000


class LineLabel(QLabel):
    """A word-wrapping label whose preferred width is its text on one line.

    A plain word-wrapped QLabel prefers a narrow block of a few words, so beside other
    fields it wraps even when the row has room; without wrapping, a long translation sets
    the window's least width past the screen. This one takes one line when there is room
    and wraps when there is not."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self._measured: tuple[object, ...] = ()
        self._one_line = 0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return QSize(max(self._one_line_width(), hint.width()), hint.height())

    def _one_line_width(self) -> int:
        """The least width at which the label lays its text out on one line, found from the
        label's own layout (font metrics alone miss the margins of its text document);
        measured again only when the text, font or margins change."""
        margins = self.contentsMargins()
        key = (self.text(), self.font().key(), self.margin(), margins.left(), margins.right())
        if key != self._measured:
            one_line = self.heightForWidth(WIDEST)
            low, high = self.minimumSizeHint().width(), WIDEST
            while low < high:
                middle = (low + high) // 2
                if self.heightForWidth(middle) <= one_line:
                    high = middle
                else:
                    low = middle + 1
            self._measured, self._one_line = key, low
        return self._one_line
