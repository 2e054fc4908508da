"""At the top of Today: promised deliveries whose day passed with nothing recorded.
"Was it delivered?" comes before any recovery: the likelier truth is that nobody said so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.item_models.agenda_table import short_day
from ui.look.metrics import font
from ui.texts import count, fill

if TYPE_CHECKING:
    # Only named in annotations: the Today view is built before the first paint.
    from app.dto.commitments import CommitmentDTO

VISIBLE_ROWS = 3


class DeliveriesPanel(QWidget):
    """Hidden while every passed delivery is recorded; the buttons act on the chosen row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("deliveriesHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setFont(font(self.heading.font(), "heading"))
        self.list = QListWidget()
        self.list.setObjectName("deliveriesToConfirm")
        self.delivered = QPushButton(self.tr("&Delivered on…"))
        self.delivered.setObjectName("confirmDelivered")
        self.delivered.setToolTip(self.tr("Record the day it arrived: the promise is kept or not"))
        self.not_yet = QPushButton(self.tr("&Not yet: start the recovery"))
        self.not_yet.setObjectName("confirmNotYet")
        self.not_yet.setToolTip(self.tr("The promise is at risk: its recovery steps start today"))
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.delivered)
        top.addWidget(self.not_yet)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.rows: dict[int, CommitmentDTO] = {}
        self.hide()

    def show_deliveries(self, promises: Sequence[CommitmentDTO], today: dt.date) -> None:
        chosen = self.selected()
        self.list.clear()
        self.rows = {item.id: item for item in promises}
        self.heading.setText(
            count(
                len(promises),
                self.tr("Was it delivered? 1 promised delivery passed with nothing recorded"),
                self.tr("Was it delivered? %1 promised deliveries passed with nothing recorded"),
            )
        )
        for promise in promises:
            text = fill(
                self.tr("%1 — %2 · promised for %3"),
                promise.customer_name,
                promise.text,
                short_day(promise.due_on, today),
            )
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, promise.id)
            self.list.addItem(row)
            if chosen is not None and promise.id == chosen.id:
                self.list.setCurrentItem(row)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        rows = max(1, min(len(promises), VISIBLE_ROWS))
        height = self.list.sizeHintForRow(0) if self.list.count() else 0
        self.list.setFixedHeight(rows * max(height, self.list.fontMetrics().height()) + 6)
        self.setVisible(bool(promises))

    def selected(self) -> CommitmentDTO | None:
        row = self.list.currentItem()
        if row is None:
            return None
        return self.rows.get(int(row.data(Qt.ItemDataRole.UserRole)))
