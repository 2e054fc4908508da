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

from app.i18n import _, ngettext
from ui.item_models.agenda_table import short_day
from ui.look.metrics import font

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
        self.delivered = QPushButton(_("&Delivered on…"))
        self.delivered.setObjectName("confirmDelivered")
        self.delivered.setToolTip(_("Record the day it arrived: the promise is kept or not"))
        self.not_yet = QPushButton(_("&Not yet: start the recovery"))
        self.not_yet.setObjectName("confirmNotYet")
        self.not_yet.setToolTip(_("The promise is at risk: its recovery steps start today"))
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
            ngettext(
                "Was it delivered? {count} promised delivery passed with nothing recorded",
                "Was it delivered? {count} promised deliveries passed with nothing recorded",
                len(promises),
            ).format(count=len(promises))
        )
        for promise in promises:
            text = _("{customer} — {promise} · promised for {day}").format(
                customer=promise.customer_name,
                promise=promise.text,
                day=short_day(promise.due_on, today),
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
