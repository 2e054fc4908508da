"""Today screen layout: what is due (overdue first) beside the selected follow-up's draft."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
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

from app.i18n import _, ngettext
from ui.counted_spin import count_around
from ui.item_models.agenda_rows import GroupedRows
from ui.line_label import LineLabel
from ui.look.metrics import L, M, S, font
from ui.widgets.agenda_delegate import AgendaDelegate
from ui.widgets.deliveries_panel import DeliveriesPanel
from ui.widgets.draft_pane import DraftPane
from ui.widgets.requests_panel import RequestsPanel

MAX_DAYS_AHEAD = 90


class TodayView(QWidget):
    """Only layout; behaviour is wired by TodayController."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # One line when there is room; a long translation wraps instead of widening the window.
        self.summary = LineLabel()
        self.summary.setObjectName("todaySummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setFont(font(self.summary.font(), "title"))
        self.toolbar = QToolBar(_("Follow-up actions"))
        self.toolbar.setObjectName("todayToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.snooze_button = QToolButton()
        self.snooze_button.setObjectName("snoozeButton")
        self.snooze_button.setText(_("Snooze"))
        self.snooze_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        # In the toolbar from the start, so that it has its height before the controller
        # adds the other actions around it (the list must not jump when they arrive).
        self.snooze_button.setEnabled(False)
        self.snooze_slot = self.toolbar.addWidget(self.snooze_button)
        self.days = QSpinBox()
        self.days.setObjectName("todayDays")
        self.days.setRange(1, MAX_DAYS_AHEAD)
        count_around(self.days, lambda n: ngettext("Show next {n} day", "Show next {n} days", n))
        self.days.setToolTip(_("How far ahead the list looks"))
        # Your delivery record, and the requests still waiting for an answer (at the top).
        self.promise_record = LineLabel()
        self.promise_record.setObjectName("promiseRecord")
        self.promise_record.setTextFormat(Qt.TextFormat.PlainText)
        self.requests = RequestsPanel()
        self.deliveries = DeliveriesPanel()
        # The day's title and how far the list looks on one line; the delivery record
        # quieter below it (on one line they squeezed the title in a narrow window).
        self.promise_record.setFont(font(self.promise_record.font(), "small"))
        heading = QHBoxLayout()
        heading.addWidget(self.summary, 1)
        heading.addWidget(self.days)
        top = QVBoxLayout()
        top.setSpacing(0)
        top.addLayout(heading)
        top.addWidget(self.promise_record)

        # One visible column drawn as the whole row (AgendaDelegate); the model's other
        # columns stay for reading, sorting and screen readers.
        self.table = QTableView()
        self.table.setObjectName("agendaTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        self.table.setShowGrid(False)
        self.table.setFrameShape(QFrame.Shape.NoFrame)
        self.table.setMouseTracking(True)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Tab leaves the list for the draft pane instead of walking through cells.
        self.table.setTabKeyNavigation(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # The delegate draws the selection as a card below the group heading; the view's
        # own full-row highlight would paint over the heading.
        palette = self.table.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, Qt.GlobalColor.transparent)
        self.table.setPalette(palette)
        self.delegate = AgendaDelegate(self.table)
        self.table.setItemDelegateForColumn(0, self.delegate)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        # Fixed row heights keep scrolling through long agendas cheap; a group's first row
        # is taller by its heading (set_row_heights).
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.delegate.metrics.row)
        self.table.setMinimumWidth(self.fontMetrics().averageCharWidth() * 44)
        self.draft = DraftPane()
        self.draft.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("todaySplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.draft)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.empty_title = QLabel(_("Nothing due"))
        self.empty_title.setFont(font(self.empty_title.font(), "heading"))
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text = QLabel(
            _(
                "Record a sale (Ctrl+R) and the planner schedules its follow-ups; add "
                "customers (Ctrl+N) and it keeps in touch with them."
            )
        )
        self.empty_text.setObjectName("todayEmpty")
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty = QWidget()
        empty_column = QWidget()
        empty_column.setMaximumWidth(self.fontMetrics().averageCharWidth() * 60)
        column = QVBoxLayout(empty_column)
        column.setSpacing(S)
        column.addWidget(self.empty_title)
        column.addWidget(self.empty_text)
        # Centred by stretches, not an alignment flag: a word-wrapped label needs the whole
        # column's width to work out its height (with a flag it was cut off).
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(empty_column, 3)
        centred.addStretch(1)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addLayout(centred)
        empty_layout.addStretch(2)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(L, M, L, M)
        layout.setSpacing(S)
        layout.addLayout(top)
        layout.addWidget(self.deliveries)
        layout.addWidget(self.requests)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)
        # List -> draft -> its buttons and links; the range spin box last.
        self.setFocusProxy(self.table)
        chain = [self.table, *self.draft.tab_chain(), self.days]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def show_model(self, model: QAbstractItemModel) -> None:
        """Put the agenda in the list: one drawn column, a taller row where a group starts."""
        self.table.setModel(model)
        for column in range(1, model.columnCount()):
            self.table.setColumnHidden(column, True)
        model.modelReset.connect(self.set_row_heights)
        model.rowsInserted.connect(lambda *_: self.set_row_heights())
        self.set_row_heights()

    def set_row_heights(self) -> None:
        model = self.table.model()
        if model is None:
            return
        header = self.table.verticalHeader()
        metrics = self.delegate.metrics
        starts = model.group_starts() if isinstance(model, GroupedRows) else set()
        for row in range(model.rowCount()):
            wanted = metrics.row + metrics.header if row in starts else metrics.row
            if header.sectionSize(row) != wanted:
                header.resizeSection(row, wanted)

    def show_empty_state(self, empty: bool) -> None:
        self.pages.setCurrentIndex(1 if empty else 0)
