"""One Insights figure: a title, its headline, a chart or the table of its numbers, export
buttons, and an optional list of who is behind it (click through to the customer)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.item_models.figure_table import FigureTableModel
from ui.widgets.fitted_table import read_only_table


def table_view(name: str, model: FigureTableModel) -> QTableView:
    view = read_only_table(name)
    view.setModel(model)
    return view


class InsightCard(QFrame):
    """Layout only; the Insights controller fills it."""

    # A row of the people list was chosen: the customer's id.
    customer_chosen = Signal(int)

    def __init__(
        self, name: str, title: str, chart: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.headline = QLabel()
        self.headline.setObjectName(f"{name}Headline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = QLabel()
        self.hint.setObjectName(f"{name}Hint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setVisible(False)
        self.chart = chart
        self.model = FigureTableModel(self)
        self.table = table_view(f"{name}Table", self.model)
        self.stack = QStackedWidget()
        self.stack.addWidget(chart)
        self.stack.addWidget(self.table)
        self.export_png = QPushButton(_("Save picture…"))
        self.export_png.setObjectName(f"{name}Png")
        self.export_png.setToolTip(_("Save the chart as a PNG picture"))
        self.export_csv = QPushButton(_("Save numbers…"))
        self.export_csv.setObjectName(f"{name}Csv")
        self.export_csv.setToolTip(_("Save the numbers as a CSV file for a spreadsheet"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_png)
        buttons.addWidget(self.export_csv)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.headline)
        layout.addWidget(self.hint)
        layout.addWidget(self.stack, 1)
        self.people_label = QLabel()
        self.people_label.setWordWrap(True)
        self.people_model = FigureTableModel(self)
        self.people = table_view(f"{name}People", self.people_model)
        self.people.setMinimumHeight(self.fontMetrics().height() * 8)
        self.people.activated.connect(self._chosen)
        self.people.doubleClicked.connect(self._chosen)
        self.people_label.setVisible(False)
        self.people.setVisible(False)
        layout.addWidget(self.people_label)
        layout.addWidget(self.people)
        layout.addLayout(buttons)

    def show_table(self, table: bool) -> None:
        self.stack.setCurrentIndex(1 if table else 0)

    def enable_people(self) -> None:
        self.people_label.setVisible(True)
        self.people.setVisible(True)

    def _chosen(self) -> None:
        index = self.people.currentIndex()
        customer = self.people_model.row_id(index.row()) if index.isValid() else None
        if customer is not None:
            self.customer_chosen.emit(customer)
