"""Unanswered requests at the top of Today: the one due soonest first, overdue ones in red."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.item_models.agenda_table import channel_text, overdue_brush, short_day

if TYPE_CHECKING:
    # Only named in annotations: the Today view is built before the first paint.
    from app.dto.outreach import RequestDTO

VISIBLE_ROWS = 4


class RequestsPanel(QWidget):
    """Hidden while nothing waits for an answer; Enter or Answer… answers the chosen one."""

    def __init__(self, parent: QWidget | None = None, *, keep_visible: bool = False) -> None:
        """`keep_visible`: say so when nothing waits (a screen of its own), instead of hiding."""
        super().__init__(parent)
        self._keep_visible = keep_visible
        self.heading = QLabel()
        self.heading.setObjectName("requestsHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.list = QListWidget()
        self.list.setObjectName("openRequests")
        # A long request (or a long translation) shortens in the middle, never scrolls
        # sideways: who it is from and the answer-by time stay in view; the tooltip has it all.
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.answer = QPushButton(_("&Answer…"))
        self.answer.setObjectName("answerRequest")
        self.answer.setToolTip(_("Mark the request answered and log the contact"))
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.answer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.setVisible(keep_visible)

    def show_requests(
        self, requests: Sequence[RequestDTO], zone: dt.tzinfo, today: dt.date
    ) -> None:
        chosen = self.selected_id()
        self.list.clear()
        late = sum(1 for item in requests if item.overdue)
        if late:
            text = _("Requests waiting for an answer: {count} · {late} overdue")
        else:
            text = _("Requests waiting for an answer: {count}")
        text = text.format(count=len(requests), late=late)
        if not requests:
            text = _("No request is waiting for an answer.")
        self.heading.setText(text)
        for request in requests:
            due = request.due_at.astimezone(zone)
            when = QLocale().toString(QTime(due.hour, due.minute), QLocale.FormatType.ShortFormat)
            if due.date() != today:
                # The day and the time in the order the language writes them ("Mon 11:00").
                when = _("{day} {time}").format(day=short_day(due.date(), today), time=when)
            label = _("{customer} — {request} ({channel}) · answer by {when}")
            line = " ".join(request.summary.split())
            row = QListWidgetItem(
                label.format(
                    customer=request.customer_name,
                    request=line[:120],
                    channel=channel_text(request.channel),
                    when=when,
                )
            )
            row.setData(Qt.ItemDataRole.UserRole, request.id)
            row.setToolTip(f"{row.text()}\n\n{request.summary}")
            if request.overdue:
                row.setForeground(overdue_brush())
            self.list.addItem(row)
            if request.id == chosen:
                self.list.setCurrentItem(row)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.answer.setEnabled(bool(requests))
        if self._keep_visible:
            self.list.setVisible(bool(requests))
            return
        # As tall as the requests (up to a few rows): the agenda keeps the room.
        rows = max(1, min(len(requests), VISIBLE_ROWS))
        row_height = self.list.sizeHintForRow(0) if self.list.count() else 0
        self.list.setFixedHeight(rows * max(row_height, self.list.fontMetrics().height()) + 6)
        self.setVisible(bool(requests))

    def selected_id(self) -> int | None:
        row = self.list.currentItem()
        return int(row.data(Qt.ItemDataRole.UserRole)) if row is not None else None
