"""Small charts painted with QPainter: stacked bars, lines and share bars, in palette colours,
with a legend, a pattern per series and the numbers of the bar or point under the mouse."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.widgets.chart_colours import Ink, Tone, grid_colour, hatch_colour, inks

# Spacing scale (device-independent pixels): scaled displays stay sharp.
GAP, PAD = 4, 8


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]
    tone: Tone


@dataclass
class ChartData:
    """What a chart shows; `describe(i)` is the tooltip of category i."""

    labels: Sequence[str] = ()
    series: Sequence[Series] = ()
    describe: Callable[[int], str] = field(default=lambda _index: "")
    reference: tuple[float, str] | None = None  # a dashed line: (value, its label)
    empty_text: str = ""


class Chart(QWidget):
    """The shared frame: legend on top, value axis on the left, categories below."""

    stacked = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = ChartData()
        self.setMouseTracking(True)
        self.setMinimumHeight(self.fontMetrics().height() * 11)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().averageCharWidth() * 60, self.fontMetrics().height() * 13)

    def show_data(self, data: ChartData) -> None:
        self.data = data
        self.update()

    # --- geometry ---------------------------------------------------------------------
    def _top(self) -> float:
        return self.fontMetrics().height() + 2 * GAP

    def _maximum(self) -> float:
        values: list[float] = []
        if self.stacked:
            for index in range(len(self.data.labels)):
                values.append(sum((s.values[index] or 0) for s in self.data.series))
        else:
            values = [v for s in self.data.series for v in s.values if v is not None]
        if self.data.reference is not None:
            values.append(self.data.reference[0])
        return _scale(max(values, default=0))[0]

    def _plot(self) -> QRectF:
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance(_number(self._maximum())) + 2 * GAP
        bottom = metrics.height() + 2 * GAP
        return QRectF(
            left, self._top(), self.width() - left - GAP, self.height() - self._top() - bottom
        )

    def _index_at(self, x: float) -> int | None:
        plot, count = self._plot(), len(self.data.labels)
        if not count or not plot.left() <= x <= plot.right():
            return None
        return min(count - 1, int((x - plot.left()) / plot.width() * count))

    def _is_empty(self) -> bool:
        return not any(v for s in self.data.series for v in s.values if v)

    # --- painting ---------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        colours = inks(palette, [s.tone for s in self.data.series])
        self._legend(painter, colours)
        if self._is_empty():
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self._plot(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.data.empty_text,
            )
            return
        self._axes(painter)
        self._draw(painter, colours)
        self._reference(painter)
        painter.end()

    def _legend(self, painter: QPainter, colours: list[Ink]) -> None:
        metrics = self.fontMetrics()
        x, size = 0.0, metrics.height() * 0.8
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        for series, ink in zip(self.data.series, colours, strict=True):
            swatch = QRectF(x, GAP + (metrics.height() - size) / 2, size, size)
            _fill(painter, swatch, ink, self.palette())
            x += size + GAP
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            painter.drawText(QPointF(x, GAP + metrics.ascent()), series.name)
            x += metrics.horizontalAdvance(series.name) + 3 * GAP

    def _axes(self, painter: QPainter) -> None:
        plot, metrics, top = self._plot(), self.fontMetrics(), self._maximum()
        steps = _scale(top)[1]
        text = self.palette().color(QPalette.ColorRole.Text)
        for step in range(steps + 1):
            value = top * step / steps
            y = plot.bottom() - plot.height() * step / steps
            painter.setPen(QPen(grid_colour(self.palette()), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            label = _number(value)
            painter.drawText(
                QPointF(
                    plot.left() - GAP - metrics.horizontalAdvance(label),
                    y + metrics.ascent() / 2 - 1,
                ),
                label,
            )
        count = len(self.data.labels)
        widest = max((metrics.horizontalAdvance(t) for t in self.data.labels), default=0) + 2 * GAP
        every = max(1, math.ceil(widest / max(1.0, plot.width() / max(count, 1))))
        for index, label in enumerate(self.data.labels):
            if index % every and index != count - 1:
                continue
            centre = plot.left() + plot.width() * (index + 0.5) / count
            x = min(
                max(centre - metrics.horizontalAdvance(label) / 2, 0),
                self.width() - metrics.horizontalAdvance(label),
            )
            painter.drawText(QPointF(x, plot.bottom() + GAP + metrics.ascent()), label)

    def _y(self, value: float) -> float:
        plot = self._plot()
        return plot.bottom() - plot.height() * value / self._maximum()

    def _draw(self, painter: QPainter, colours: list[Ink]) -> None:
        raise NotImplementedError

    def _reference(self, painter: QPainter) -> None:
        if self.data.reference is None:
            return
        value, label = self.data.reference
        plot, y = self._plot(), self._y(value)
        pen = QPen(self.palette().color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        width = self.fontMetrics().horizontalAdvance(label)
        painter.drawText(QPointF(plot.right() - width - GAP, y - GAP), label)

    # --- numbers under the mouse ------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self._index_at(event.position().x())
        if index is None or self._is_empty():
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(), self.data.describe(index), self)


class StackedBars(Chart):
    """One bar per category, its series stacked from the bottom in legend order."""

    def _draw(self, painter: QPainter, colours: list[Ink]) -> None:
        plot, count = self._plot(), len(self.data.labels)
        slot = plot.width() / max(count, 1)
        width = max(2.0, slot * 0.7)
        for index in range(count):
            base = 0.0
            x = plot.left() + slot * index + (slot - width) / 2
            for series, ink in zip(self.data.series, colours, strict=True):
                value = series.values[index] or 0
                if value <= 0:
                    continue
                top = self._y(base + value)
                _fill(painter, QRectF(x, top, width, self._y(base) - top), ink, self.palette())
                base += value


class Lines(Chart):
    """A line per series with a marker at each point; gaps where a value is missing."""

    stacked = False

    def _draw(self, painter: QPainter, colours: list[Ink]) -> None:
        plot, count = self._plot(), len(self.data.labels)
        styles = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine)
        for position, (series, ink) in enumerate(zip(self.data.series, colours, strict=True)):
            pen = QPen(ink.line, 2.5, styles[position % len(styles)])
            previous: QPointF | None = None
            for index, value in enumerate(series.values):
                if value is None:
                    previous = None
                    continue
                point = QPointF(plot.left() + plot.width() * (index + 0.5) / count, self._y(value))
                painter.setPen(pen)
                if previous is not None:
                    painter.drawLine(previous, point)
                painter.setPen(QPen(ink.line, 1.5))
                painter.setBrush(
                    ink.fill if position == 0 else self.palette().color(QPalette.ColorRole.Base)
                )
                painter.drawEllipse(point, 3.5, 3.5)
                previous = point
        painter.setBrush(Qt.BrushStyle.NoBrush)


@dataclass(frozen=True)
class ShareRow:
    """One bar of a share chart: how much of a whole one group has."""

    label: str
    percent: float | None
    detail: str  # the numbers behind it, for the tooltip


class ShareBars(QWidget):
    """Rows of 100% bars: the group's share filled (and written), the rest hatched."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: Sequence[ShareRow] = ()
        self.names = ("", "")
        self.setMouseTracking(True)
        self.setMinimumHeight(self.fontMetrics().height() * 9)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().averageCharWidth() * 60, self.fontMetrics().height() * 11)

    def show_rows(self, rows: Sequence[ShareRow], names: tuple[str, str]) -> None:
        self.rows, self.names = rows, names
        self.update()

    def _row_rect(self, index: int) -> QRectF:
        metrics = self.fontMetrics()
        height = metrics.height() * 1.6
        top = metrics.height() + 3 * GAP + index * (height + PAD)
        label = max((metrics.horizontalAdvance(r.label) for r in self.rows), default=0) + PAD
        right = metrics.horizontalAdvance("100%") + PAD
        return QRectF(label, top, self.width() - label - right, height)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette, metrics = self.palette(), self.fontMetrics()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        key, rest = inks(palette, [Tone.ACCENT, Tone.NEUTRAL])
        rest = Ink(rest.fill, Qt.BrushStyle.BDiagPattern, rest.line)
        x = 0.0
        for name, ink in zip(self.names, (key, rest), strict=True):
            size = metrics.height() * 0.8
            _fill(painter, QRectF(x, GAP + (metrics.height() - size) / 2, size, size), ink, palette)
            x += size + GAP
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(QPointF(x, GAP + metrics.ascent()), name)
            x += metrics.horizontalAdvance(name) + 3 * GAP
        for index, row in enumerate(self.rows):
            bar = self._row_rect(index)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            baseline = bar.top() + (bar.height() + metrics.ascent() - metrics.descent()) / 2
            painter.drawText(QPointF(0, baseline), row.label)
            if row.percent is None:
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(QPointF(bar.left(), baseline), "—")
                continue
            filled = bar.width() * row.percent / 100
            _fill(painter, QRectF(bar.left(), bar.top(), filled, bar.height()), key, palette)
            _fill(
                painter,
                QRectF(bar.left() + filled, bar.top(), bar.width() - filled, bar.height()),
                rest,
                palette,
            )
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(QPointF(bar.right() + GAP, baseline), f"{row.percent:.0f}%")

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        for index, row in enumerate(self.rows):
            rect = self._row_rect(index)
            if rect.top() <= event.position().y() <= rect.bottom():
                QToolTip.showText(event.globalPosition().toPoint(), row.detail, self)
                return
        QToolTip.hideText()


def _fill(painter: QPainter, rect: QRectF, ink: Ink, palette: QPalette) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(rect, ink.fill)
    if ink.pattern is not Qt.BrushStyle.SolidPattern:
        painter.fillRect(rect, QBrush(hatch_colour(palette), ink.pattern))
    painter.setPen(QPen(QColor(ink.line.darker(130)), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)


def _scale(value: float) -> tuple[float, int]:
    """The axis top and how many grid steps reach it: steps of 1, 2 or 5 times a power of
    ten, at most five of them, so the labels are round numbers."""
    if value <= 0:
        return 4.0, 4
    power = 10 ** math.floor(math.log10(value / 5))
    step = next(s * power for s in (1, 2, 5, 10) if s * power * 5 >= value)
    steps = max(1, math.ceil(value / step - 1e-9))
    return float(step * steps), steps


def _number(value: float) -> str:
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"
