"""The Today screen's layout as the user left it: column widths, split, days ahead."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray

from ui.dates import heading_text
from ui.item_models.agenda_table import DEFAULT_DAYS_AHEAD, AgendaTableModel
from ui.ui_state import ui_settings
from ui.views.today_view import MAX_DAYS_AHEAD, TodayView

# The split between list and draft as the user left it; an earlier key held states saved
# while the welcome page showed, which squeezed the list to nothing.
SPLITTER_KEY = "today/split"


def prepare_today(view: TodayView, model: AgendaTableModel) -> None:
    """Put the model in the view with the layout the user left: the split between list
    and draft, and how many days ahead the list looks."""
    view.show_model(model)
    splitter = ui_settings().value(SPLITTER_KEY)
    if isinstance(splitter, QByteArray) and not splitter.isEmpty():
        view.splitter.restoreState(splitter)
    stored = str(ui_settings().value("today/days_ahead", DEFAULT_DAYS_AHEAD))
    days = int(stored) if stored.isdigit() else DEFAULT_DAYS_AHEAD
    model.days_ahead = max(1, min(days, MAX_DAYS_AHEAD))
    view.days.setValue(model.days_ahead)


def day_heading(day: dt.date) -> str:
    """The day as the screen's heading names it, in the user's language (Monday 23 November)."""
    return heading_text(day)
