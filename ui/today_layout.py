"""The Today screen's layout as the user left it: column widths, split, days ahead."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray

from ui.dates import heading_text
from ui.item_models.agenda_table import DEFAULT_DAYS_AHEAD, AgendaTableModel
from ui.ui_state import restore_header, ui_settings
from ui.views.today_view import MAX_DAYS_AHEAD, TodayView


def prepare_today(view: TodayView, model: AgendaTableModel) -> None:
    """Put the model in the view with the layout the user left: column widths, the split
    between list and draft, and how many days ahead the list looks."""
    view.table.setModel(model)
    if not restore_header(view.table.horizontalHeader(), "today"):
        view.set_default_column_widths()
    splitter = ui_settings().value("today/splitter")
    if isinstance(splitter, QByteArray) and not splitter.isEmpty():
        view.splitter.restoreState(splitter)
    stored = str(ui_settings().value("today/days_ahead", DEFAULT_DAYS_AHEAD))
    days = int(stored) if stored.isdigit() else DEFAULT_DAYS_AHEAD
    model.days_ahead = max(1, min(days, MAX_DAYS_AHEAD))
    view.days.setValue(model.days_ahead)


def day_heading(day: dt.date) -> str:
    """The day as the screen's heading names it, in the user's language (Monday 23 November)."""
    return heading_text(day)
