"""Today's rows as people read a task queue: who and when on the first line, what and why on
a quieter second one, the kind as an icon, overdue as a colour and a word; each group
(Overdue, Today, Coming up) opens with a heading."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.item_models.agenda_rows import ROW_ROLE, RowText
from ui.look.icons import KIND_ICONS, icon
from ui.look.metrics import XS, M, S, font
from ui.look.tones import Tones, tones

Index = QModelIndex | QPersistentModelIndex
ICON = 20
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RowMetrics:
    """Heights of a row and of a group heading, from the view's font."""

    def __init__(self, base: QFont) -> None:
        self.body = base
        self.bold = QFont(base)
        self.bold.setBold(True)
        self.small = font(base, "small")
        self.heading = font(base, "small")
        self.heading.setBold(True)
        self.heading.setCapitalization(QFont.Capitalization.AllUppercase)
        self.heading.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        line = QFontMetrics(base).height()
        self.row = 2 * line + 2 * S + XS
        self.header = QFontMetrics(self.heading).height() + M + S


class AgendaDelegate(QStyledItemDelegate):
    """Paints column 0 of the agenda table as the whole row (the other columns are hidden)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.metrics = RowMetrics(parent.font())

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        words = index.data(ROW_ROLE)
        extra = self.metrics.header if words is not None and words.group_heading else 0
        return QSize(option.rect.width(), self.metrics.row + extra)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        words = index.data(ROW_ROLE)
        if words is None:
            super().paint(painter, option, index)
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The application's palette: the view's own has its highlight cleared (see TodayView).
        colours = tones()
        rect = QRect(option.rect)
        if words.group_heading:
            rect.setTop(self._heading(painter, rect, words, colours))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        card = rect.adjusted(XS, 1, -XS, -1)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.highlight)
            painter.drawRoundedRect(card, 6, 6)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.chip)
            painter.drawRoundedRect(card, 6, 6)
        ink = colours.highlighted_text if selected else colours.text
        quiet = colours.highlighted_text if selected else colours.quiet
        late = colours.highlighted_text if selected else colours.overdue
        name = KIND_ICONS.get(words.kind, "message-circle")
        glyph = icon(name, late if words.late and not selected else quiet)
        top = card.y() + S
        glyph.paint(painter, QRect(card.x() + M, top + XS // 2, ICON, ICON))
        left = card.x() + M + ICON + M
        right = card.right() - M
        first = QFontMetrics(self.metrics.body).height()
        # Line 1: who, and when (overdue says so in words, not only in red).
        when_font = self.metrics.bold if words.late or words.today else self.metrics.body
        when_width = QFontMetrics(when_font).horizontalAdvance(words.when)
        painter.setFont(when_font)
        painter.setPen(late if words.late else ink)
        when_box = QRect(right - when_width, top, when_width, first)
        painter.drawText(
            when_box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), words.when
        )
        self._pair(
            painter,
            QRect(left, top, max(0, when_box.x() - S - left), first),
            (words.who, self.metrics.bold, ink),
            (words.company, self.metrics.body, quiet),
        )
        # Line 2: what to do, and which kind on which channel.
        second = QRect(left, top + first + XS, max(0, right - left), first)
        self._pair(
            painter,
            second,
            (words.what, self.metrics.body, ink),
            (words.how, self.metrics.small, quiet),
        )
        painter.restore()

    def _heading(self, painter: QPainter, rect: QRect, words: RowText, colours: Tones) -> int:
        """The group's heading above its first row; returns where the row begins."""
        heading = words.group_heading
        overdue = words.group == "overdue"
        box = QRect(rect.x() + M, rect.y() + M, rect.width() - 2 * M, self.metrics.header - M - S)
        painter.setFont(self.metrics.heading)
        painter.setPen(colours.overdue if overdue else colours.quiet)
        painter.drawText(
            box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), heading
        )
        painter.setPen(colours.divider)
        line_y = box.bottom() + S // 2
        painter.drawLine(box.x(), line_y, box.right(), line_y)
        return rect.y() + self.metrics.header

    @staticmethod
    def _pair(
        painter: QPainter,
        box: QRect,
        main: tuple[str, QFont, QColor],
        after: tuple[str, QFont, QColor],
    ) -> None:
        """Draw `main`, then ` · after` in its own font and colour, eliding what does not fit."""
        text, face, colour = main
        metrics = QFontMetrics(face)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, box.width())
        painter.setFont(face)
        painter.setPen(colour)
        align = int(LEFT)
        painter.drawText(box, align, shown)
        extra, extra_face, extra_colour = after
        used = metrics.horizontalAdvance(shown)
        if not extra or shown != text:
            return
        rest = QRect(box.x() + used, box.y(), box.width() - used, box.height())
        extra_metrics = QFontMetrics(extra_face)
        tail = extra_metrics.elidedText(f" · {extra}", Qt.TextElideMode.ElideRight, rest.width())
        if tail in ("", "…"):
            return
        painter.setFont(extra_face)
        painter.setPen(extra_colour)
        painter.drawText(rest, align, tail)
