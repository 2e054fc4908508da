"""The settings page for promises and requests: response time, working hours, compensation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from app.preferences import Preferences, display_value

if TYPE_CHECKING:
    from ui.dialogs.settings_dialog import SettingsDialog

PAGE = 3


def promises_page(dialog: SettingsDialog, prefs: Preferences) -> QWidget:
    """Fields registered with the dialog, so OK checks and stores them like the others."""
    tr = dialog.tr
    page = QWidget()
    layout = QVBoxLayout(page)
    intro = QLabel(
        tr(
            "Requests are due this many working hours after they come in. The compensation "
            "guide suggests spending at least what a new customer costs: marketing budget "
            "divided by the new customers it won."
        )
    )
    intro.setWordWrap(True)
    response_hours = dialog._spin(prefs.response_hours, 1, 200, tr(" working hours"))
    work_start = dialog._line(display_value("work_start", prefs.work_start), "09:00")
    work_end = dialog._line(display_value("work_end", prefs.work_end), "17:00")
    marketing_budget = dialog._spin(prefs.marketing_budget, 0, 1_000_000_000, f" {prefs.currency}")
    customers_won = dialog._spin(prefs.customers_won, 0, 10_000_000, "")
    form = QFormLayout()
    dialog._row(form, PAGE, "response_hours", tr("Answer re&quests within"), response_hours)
    dialog._row(form, PAGE, "work_start", tr("Working hours &start"), work_start)
    dialog._row(form, PAGE, "work_end", tr("Working hours &end"), work_end)
    dialog._row(form, PAGE, "marketing_budget", tr("Marketing &budget"), marketing_budget)
    dialog._row(form, PAGE, "customers_won", tr("New customers &won with it"), customers_won)
    layout.addWidget(intro)
    layout.addLayout(form)
    layout.addStretch(1)
    return page
