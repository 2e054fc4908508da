"""A customer's timeline entries as a Qt table model (one instance per section)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from app.dto.timeline import COMMITMENT, INTERACTION, SALE, TimelineEntry
from app.dto.vocabulary import Status
from app.i18n import N_, _, ngettext
from app.kinds import channel_label, kind_label, lost_reason_label
from ui import dates
from ui.amounts import amount_text
from ui.item_models.list_table import ListTableModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (N_("When"), N_("What"), N_("Status"), N_("Channel"), N_("Details"))
STATUS_LABELS = {
    Status.PLANNED: N_("Planned"),
    Status.DONE: N_("Done"),
    Status.SKIPPED: N_("Skipped"),
    "won": N_("Won"),
    "lost": N_("Lost"),
    "on_track": N_("On track"),
    "at_risk": N_("At risk"),
    "kept": N_("Kept"),
    "broken": N_("Broken"),
}


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
    return _(channel_label(channel)) if channel else ""


def what_text(entry: TimelineEntry) -> str:
    if entry.source == SALE:
        return _("Sale won") if entry.status == "won" else _("Sale lost")
    if entry.source == INTERACTION:
        return _("Contact")
    if entry.source == COMMITMENT:
        return _("Promise")
    return _(kind_label(entry.kind))


def status_text(entry: TimelineEntry) -> str:
    if entry.overdue:
        return _("Overdue")
    if entry.source == INTERACTION:
        return _("Logged")
    return _(STATUS_LABELS.get(entry.status, entry.status))


def detail_text(entry: TimelineEntry) -> str:
    """Everything worth knowing in one line; the tooltip shows the user's text unabridged."""
    parts: list[str] = []
    if entry.amount_minor is not None:
        parts.append(amount_text(entry.amount_minor, entry.currency))
    if entry.detail:
        parts.append(entry.detail)
    if entry.lost_reason:
        parts.append(_("why lost: {reason}").format(reason=_(lost_reason_label(entry.lost_reason))))
    if entry.lost_note:
        parts.append(entry.lost_note)
    if entry.actual_delivery is not None:
        parts.append(_("delivered {day}").format(day=dates.date_text(entry.actual_delivery)))
    elif entry.promised_delivery is not None:
        parts.append(
            _("delivery promised {day}").format(day=dates.date_text(entry.promised_delivery))
        )
    if entry.buffer_days:
        parts.append(
            ngettext("buffer {n} day", "buffer {n} days", entry.buffer_days).format(
                n=entry.buffer_days
            )
        )
    if entry.pinned and entry.status == Status.PLANNED:
        parts.append(_("date set by you"))
    return " · ".join(parts)


class TimelineTableModel(ListTableModel):
    """A short list (one customer's history): loaded whole, replaced on refresh."""

    columns = COLUMNS
    translate = staticmethod(_)

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
