"""The sidebar: a page per row with its icon and live counts ("Today 6", "Promises 1 at risk")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.i18n import _
from ui.look.icons import icon
from ui.look.metrics import XS, M, S, font
from ui.look.tones import tones

BADGES = Qt.ItemDataRole.UserRole + 1
ICON = 18


@dataclass(frozen=True)
class Badge:
    """A count beside a page's name; `tone` is "" (plain), "overdue" or "at_risk"."""

    count: int
    tone: str = ""
    # What the count is, for the tooltip and screen readers ("3 overdue").
    says: str = ""


class _Delegate(QStyledItemDelegate):
    """Icon, name and counts, on a rounded highlight when selected."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        height = max(QFontMetrics(option.font).height(), ICON) + 2 * S
        return QSize(option.rect.width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = tones(option.palette)
        rect = option.rect.adjusted(XS, 1, -XS, -1)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = colours.highlighted_text if selected else colours.text
        if selected:
            painter.setBrush(colours.highlight)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(rect, 6, 6)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.setBrush(colours.chip)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(rect, 6, 6)
        x = rect.x() + S
        decoration = index.data(Qt.ItemDataRole.DecorationRole)
        if decoration is not None:
            mode = decoration.Mode.Selected if selected else decoration.Mode.Normal
            top = rect.y() + (rect.height() - ICON) // 2
            decoration.paint(painter, QRect(x, top, ICON, ICON), Qt.AlignmentFlag.AlignCenter, mode)
            x += ICON + S
        right = rect.right() - S
        for badge in reversed(index.data(BADGES) or []):
            right = self._badge(painter, option, badge, right, rect, selected) - XS
        painter.setPen(text_colour)
        painter.setFont(option.font)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        area = QRect(x, rect.y(), max(0, right - x), rect.height())
        elided = QFontMetrics(option.font).elidedText(
            text, Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(area, int(Qt.AlignmentFlag.AlignVCenter), elided)
        painter.restore()

    @staticmethod
    def _badge(
        painter: QPainter,
        option: QStyleOptionViewItem,
        badge: Badge,
        right: int,
        rect: QRect,
        selected: bool,
    ) -> int:
        """Draw one count ending at `right`; returns where it starts."""
        colours = tones(option.palette)
        small = font(option.font, "small")
        small.setBold(True)
        metrics = QFontMetrics(small)
        text = str(badge.count)
        width = max(metrics.horizontalAdvance(text) + 2 * S - XS, metrics.height())
        height = metrics.height() + 2
        box = QRect(right - width, rect.y() + (rect.height() - height) // 2, width, height)
        fill = {"overdue": colours.overdue, "at_risk": colours.at_risk}.get(badge.tone)
        if selected:
            ground, ink = colours.highlighted_text, colours.highlight
        elif fill is not None:
            ground, ink = fill, colours.base
        else:
            ground, ink = colours.chip, colours.text
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ground))
        painter.drawRoundedRect(box, height / 2, height / 2)
        painter.setPen(QColor(ink))
        painter.setFont(small)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
        return box.x()


Index = QModelIndex | QPersistentModelIndex


class Sidebar(QListWidget):
    """Rows in page order; `set_badges(row, ...)` shows that page's live counts."""

    def __init__(self, pages: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(_Delegate(self))
        self.setSpacing(1)
        # The window's colour, not the list's: the sidebar frames the pages.
        self.setAutoFillBackground(True)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.setContentsMargins(0, M, 0, M)
        self.setViewportMargins(XS, S, XS, S)
        for label, name in pages:
            item = QListWidgetItem(icon(name), label)
            item.setData(BADGES, [])
            self.addItem(item)
        self.setFixedWidth(self._width_for(label for label, _name in pages))

    def _width_for(self, labels: Iterable[str]) -> int:
        """Wide enough for the longest label beside two three-digit counts, so nothing
        elides in any language (the counts are what the sidebar is for)."""
        text = max((self.fontMetrics().horizontalAdvance(label) for label in labels), default=0)
        small = font(self.font(), "small")
        small.setBold(True)
        badge = QFontMetrics(small).horizontalAdvance("999") + 2 * S - XS
        row = S + ICON + S + text + 2 * (XS + badge) + S
        return row + 2 * XS + 2 * M

    def set_badges(self, row: int, badges: list[Badge]) -> None:
        item = self.item(row)
        if item is None:
            return
        shown = [badge for badge in badges if badge.count > 0]
        item.setData(BADGES, shown)
        said = ", ".join(badge.says for badge in shown if badge.says)
        item.setToolTip(said)
        label = item.text()
        spoken = _("{page}: {counts}").format(page=label, counts=said) if said else label
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
