"""Customers screen layout: search field, paged table, and a first-run empty state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.counted_spin import count_around, days_phrase


class CustomersView(QWidget):
    """Only layout; behaviour is wired by CustomersController."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_("Search name, company, e-mail or phone  (Ctrl+F)"))
        self.count = QLabel()
        self.count.setObjectName("customerCount")
        self.filter = QComboBox()
        self.filter.setObjectName("customerFilter")
        self.filter.addItem(_("All customers"), "all")
        self.filter.addItem(_("No follow-up planned"), "no_future")
        self.filter.addItem(_("Not contacted in…"), "not_contacted")
        self.filter.setToolTip(_("Find customers drifting into silence"))
        self.days = QSpinBox()
        self.days.setObjectName("notContactedDays")
        self.days.setRange(7, 3650)
        self.days.setValue(90)
        count_around(self.days, days_phrase)
        self.days.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.filter)
        top.addWidget(self.days)
        top.addWidget(self.count)

        self.table = QTableView()
        self.table.setObjectName("customerTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        # Fixed row heights keep scrolling through tens of thousands of rows cheap.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)

        self.empty_title = QLabel(_("Welcome to Follow-Up Planner"))
        font = self.empty_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.empty_title.setFont(font)
        self.empty_text = QLabel(
            _(
                "Most customers are lost to silence after the sale. Add your customers, "
                "record each sale, and the planner schedules the thank-you, the delivery "
                "check, value-adding contacts and the keep-in-touch calls for you."
            )
        )
        self.empty_text.setWordWrap(True)
        self.empty_text.setMaximumWidth(560)
        self.add_first = QPushButton(_("Add your first customer"))
        self.add_first.setObjectName("addFirstCustomer")
        self.add_first.setDefault(True)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        for widget in (self.empty_title, self.empty_text, self.add_first):
            empty_layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(empty)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

    def set_default_column_widths(self) -> None:
        """Widths in character units, so they scale with the font and display scaling."""
        char = self.fontMetrics().averageCharWidth()
        header = self.table.horizontalHeader()
        for column, chars in enumerate((4, 22, 20, 15, 15, 26, 19)):
            # Never narrower than the heading with its sort arrow ("Next follow-up ▾").
            self.table.setColumnWidth(column, max(chars * char, header.sectionSizeHint(column)))

    def show_empty_state(self, empty: bool) -> None:
        self.pages.setCurrentIndex(1 if empty else 0)
        for widget in (self.search, self.filter):
            widget.setEnabled(not empty)
