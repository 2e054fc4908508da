"""Insights' layout: the period picker, a tables switch and the six figures in a grid."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.date_range import bound_dates
from ui.widgets.charts import Lines, ShareBars, StackedBars
from ui.widgets.insight_card import InsightCard

CUSTOM = "custom"


class InsightsView(QWidget):
    """Only widgets; InsightsController reads the figures and fills them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insightsView")
        title = QLabel(_("Insights"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.period = QComboBox()
        self.period.setObjectName("insightsPeriod")
        for text, key in (
            (_("Last 4 weeks"), "4w"),
            (_("Last quarter (13 weeks)"), "quarter"),
            (_("Last year (52 weeks)"), "year"),
            (_("Custom…"), CUSTOM),
        ):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(1)
        self.start = QDateEdit()
        self.start.setObjectName("insightsFrom")
        self.end = QDateEdit()
        self.end.setObjectName("insightsTo")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            bound_dates(edit)
        self.range_label = QLabel(_("to"))
        self.tables = QCheckBox(_("Show the &numbers as tables"))
        self.tables.setObjectName("insightsTables")
        period_label = QLabel(_("&Period"))
        period_label.setBuddy(self.period)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(24)
        bar.addWidget(period_label)
        bar.addWidget(self.period)
        bar.addWidget(self.start)
        bar.addWidget(self.range_label)
        bar.addWidget(self.end)
        bar.addStretch(1)
        bar.addWidget(self.tables)
        self.status = QLabel()
        self.status.setObjectName("insightsStatus")
        self.status.setWordWrap(True)

        self.follow_through_bars = StackedBars()
        self.overdue_line = Lines()
        self.overdue_line.setMinimumHeight(self.fontMetrics().height() * 8)
        both = QWidget()
        both.setObjectName("followThroughCharts")
        stacked = QVBoxLayout(both)
        stacked.setContentsMargins(0, 0, 0, 0)
        stacked.addWidget(self.follow_through_bars, 3)
        stacked.addWidget(self.overdue_line, 2)
        self.follow_through = InsightCard("followThrough", _("Follow-through"), both)
        self.forgotten_line = Lines()
        self.forgotten = InsightCard("forgotten", _("Nobody forgotten"), self.forgotten_line)
        self.promise_bars = StackedBars()
        self.promises = InsightCard("promises", _("Promises"), self.promise_bars)
        self.response_lines = Lines()
        self.responsiveness = InsightCard(
            "responsiveness", _("Answering requests"), self.response_lines
        )
        self.share_bars = ShareBars()
        self.key_share = InsightCard("keyShare", _("Where the time goes (80/20)"), self.share_bars)
        self.score_bars = StackedBars()
        self.after_sale = InsightCard("afterSale", _("After the sale"), self.score_bars)

        grid = QGridLayout()
        grid.setSpacing(12)
        for position, card in enumerate(self.cards()):
            grid.addWidget(card, position // 2, position % 2)
        for column in (0, 1):
            grid.setColumnStretch(column, 1)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(grid)
        content_layout.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.scroller, 1)
        self.show_custom(False)

    def cards(self) -> list[InsightCard]:
        return [
            self.follow_through,
            self.forgotten,
            self.promises,
            self.responsiveness,
            self.key_share,
            self.after_sale,
        ]

    def show_custom(self, custom: bool) -> None:
        for widget in (self.start, self.range_label, self.end):
            widget.setVisible(custom)

    def period_key(self) -> str:
        return str(self.period.currentData())

    def keyboard_focus(self) -> None:
        self.period.setFocus(Qt.FocusReason.OtherFocusReason)
