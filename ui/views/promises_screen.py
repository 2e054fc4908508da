"""The Promises & requests screen's layout: every open promise across customers, the requests
waiting for an answer, and the requests declined with their come-back dates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.look.metrics import L, M, S, font
from ui.views.promises_panel import PromisesPanel
from ui.widgets.fitted_table import read_only_table
from ui.widgets.requests_panel import RequestsPanel


def _table(name: str) -> QTableView:
    return read_only_table(name)


class PromisesScreenView(QWidget):
    """Only layout; PromisesScreen fills it and wires the buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(_("Promises & requests"))
        self.title.setFont(font(self.title.font(), "title"))
        self.promises = PromisesPanel(across_customers=True)
        self.show_resolved = QCheckBox(_("Show &kept and broken ones"))
        self.show_resolved.setObjectName("showResolvedPromises")
        self.open_customer = QPushButton(_("Open &customer"))
        self.open_customer.setObjectName("promiseOpenCustomer")
        self.open_customer.setToolTip(_("The customer's page, with their history"))
        # Beside the delivery record: under the list, with four buttons and Open customer,
        # it would widen the screen past 1280 in a longer language.
        self.promises.top.insertWidget(1, self.show_resolved)
        self.promises.buttons.addWidget(self.open_customer)
        self.requests = RequestsPanel(keep_visible=True)
        self.declines_heading = QLabel(_("Declined, and when to come back"))
        self.declines_heading.setFont(font(self.declines_heading.font(), "heading"))
        self.declines = _table("declinesTable")
        self.decline = QPushButton(_("Decli&ne a request…"))
        self.decline.setObjectName("screenDecline")
        self.decline.setToolTip(_("Say no well: the reason, the source, a trusted partner"))
        declines_top = QHBoxLayout()
        declines_top.addWidget(self.declines_heading, 1)
        declines_top.addWidget(self.decline)

        requests_box = QWidget()
        requests_layout = QVBoxLayout(requests_box)
        requests_layout.setContentsMargins(0, M, 0, 0)
        requests_layout.addWidget(self.requests)
        declines_box = QWidget()
        declines_layout = QVBoxLayout(declines_box)
        declines_layout.setContentsMargins(0, M, 0, 0)
        declines_layout.addLayout(declines_top)
        declines_layout.addWidget(self.declines, 1)
        # The three lists share the height; the user may give one more room.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("promisesSplitter")
        self.splitter.setChildrenCollapsible(False)
        for part in (self.promises, requests_box, declines_box):
            self.splitter.addWidget(part)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(L, M, L, M)
        layout.setSpacing(S)
        layout.addWidget(self.title)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.promises.table)
