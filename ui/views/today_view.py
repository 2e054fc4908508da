"""Today screen layout: what is due (overdue first) beside the selected follow-up's draft."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.draft_pane import DraftPane
from ui.widgets.requests_panel import RequestsPanel

MAX_DAYS_AHEAD = 90


class TodayView(QWidget):
    """Only layout; behaviour is wired by TodayController."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("todaySummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.summary.setFont(font)
        self.toolbar = QToolBar(self.tr("Follow-up actions"))
        self.toolbar.setObjectName("todayToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.snooze_button = QToolButton()
        self.snooze_button.setObjectName("snoozeButton")
        self.snooze_button.setText(self.tr("Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        # In the toolbar from the start, so that it has its height before the controller
        # adds the other actions around it (the list must not jump when they arrive).
        self.snooze_button.setEnabled(False)
        self.snooze_slot = self.toolbar.addWidget(self.snooze_button)
        self.days = QSpinBox()
        self.days.setObjectName("todayDays")
        self.days.setRange(1, MAX_DAYS_AHEAD)
        self.days.setPrefix(self.tr("Show next "))
        self.days.setSuffix(self.tr(" days"))
        self.days.setToolTip(self.tr("How far ahead the list looks"))
        # Your delivery record, and the requests still waiting for an answer (at the top).
        self.promise_record = QLabel()
        self.promise_record.setObjectName("promiseRecord")
        self.promise_record.setTextFormat(Qt.TextFormat.PlainText)
        self.requests = RequestsPanel()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.promise_record)
        top.addWidget(self.days)

        self.table = QTableView()
        self.table.setObjectName("agendaTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        # Tab leaves the list for the draft pane instead of walking through cells.
        self.table.setTabKeyNavigation(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        # Fixed row heights keep scrolling through long agendas cheap.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.draft = DraftPane()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("todaySplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.draft)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.empty_text = QLabel(
            self.tr("Nothing due. Record a sale or add customers and the planner fills this list.")
        )
        self.empty_text.setObjectName("todayEmpty")
        self.empty_text.setWordWrap(True)
        self.empty_text.setMaximumWidth(520)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_text, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(empty)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.requests)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)
        # List -> draft -> its buttons and links; the range spin box last.
        self.setFocusProxy(self.table)
        chain = [self.table, *self.draft.tab_chain(), self.days]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def set_default_column_widths(self) -> None:
        """Widths in character units, so they scale with the font and display scaling."""
        char = self.fontMetrics().averageCharWidth()
        for column, chars in enumerate((20, 24, 22, 12, 20)):
            self.table.setColumnWidth(column, chars * char)

    def show_empty_state(self, empty: bool) -> None:
        self.pages.setCurrentIndex(1 if empty else 0)
