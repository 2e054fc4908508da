"""A customer's timeline entries as a Qt table model (one instance per section)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from app.dto.timeline import COMMITMENT, INTERACTION, SALE, TimelineEntry
from app.dto.vocabulary import Status
from app.kinds import channel_label, kind_label, lost_reason_label
from ui import dates
from ui.amounts import amount_text
from ui.item_models.list_table import ListTableModel
from ui.texts import fill

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("When", "What", "Status", "Channel", "Details")
STATUS_LABELS = {
    Status.PLANNED: "Planned",
    Status.DONE: "Done",
    Status.SKIPPED: "Skipped",
    "won": "Won",
    "lost": "Lost",
    "on_track": "On track",
    "at_risk": "At risk",
    "kept": "Kept",
    "broken": "Broken",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("TimelineTableModel", text)


def plain_tooltip(text: str) -> str | None:
    """Tool tips guess at rich text: escape the user's words and keep their line breaks."""
    if not text:
        return None
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def date_text(day: dt.date, time: dt.time | None = None) -> str:
    """'Thu 26 Nov 2026 10:00': the weekday, the date as the user's locale writes it and the
    local time when it has one."""
    return dates.date_text(day, weekday=True, time=time)


def channel_text(channel: str) -> str:
    return tr(channel_label(channel)) if channel else ""


def what_text(entry: TimelineEntry) -> str:
    if entry.source == SALE:
        return tr("Sale won") if entry.status == "won" else tr("Sale lost")
    if entry.source == INTERACTION:
        return tr("Contact")
    if entry.source == COMMITMENT:
        return tr("Promise")
    return tr(kind_label(entry.kind))


def status_text(entry: TimelineEntry) -> str:
    if entry.overdue:
        return tr("Overdue")
    if entry.source == INTERACTION:
        return tr("Logged")
    return tr(STATUS_LABELS.get(entry.status, entry.status))


def detail_text(entry: TimelineEntry) -> str:
    """Everything worth knowing in one line; the tooltip shows the user's text unabridged."""
    parts: list[str] = []
    if entry.amount_minor is not None:
        parts.append(amount_text(entry.amount_minor, entry.currency))
    if entry.detail:
        parts.append(entry.detail)
    if entry.lost_reason:
        parts.append(fill(tr("why lost: %1"), tr(lost_reason_label(entry.lost_reason))))
    if entry.lost_note:
        parts.append(entry.lost_note)
    if entry.actual_delivery is not None:
        parts.append(fill(tr("delivered %1"), dates.date_text(entry.actual_delivery)))
    elif entry.promised_delivery is not None:
        parts.append(fill(tr("delivery promised %1"), dates.date_text(entry.promised_delivery)))
    if entry.buffer_days:
        parts.append(fill(tr("buffer %1 days"), str(entry.buffer_days)))
    if entry.pinned and entry.status == Status.PLANNED:
        parts.append(tr("date set by you"))
    return " · ".join(parts)


class TimelineTableModel(ListTableModel):
    """A short list (one customer's history): loaded whole, replaced on refresh."""

    columns = COLUMNS
    translate = staticmethod(tr)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TimelineEntry] = []

    def set_entries(self, entries: Sequence[TimelineEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def entry_at(self, row: int) -> TimelineEntry | None:
        return self.row_item(row)  # type: ignore[no-any-return]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column).replace("\n", " / ")
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return plain_tooltip(self._text(entry, column))
        if role == Qt.ItemDataRole.FontRole and entry.overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return entry
        return None

    @staticmethod
    def _text(entry: TimelineEntry, column: int) -> str:
        if column == 0:
            return date_text(entry.when, entry.time)
        if column == 1:
            return what_text(entry)
        if column == 2:
            return status_text(entry)
        if column == 3:
            return channel_text(entry.channel)
        return detail_text(entry)
