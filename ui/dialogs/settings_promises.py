"""The settings page for promises and requests: response time, working hours, compensation."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from app.i18n import _
from app.preferences import Preferences
from ui.dialogs.settings_fields import FieldRows, spin_field, time_field

PAGE = 3


def promises_page(fields: FieldRows, prefs: Preferences) -> QWidget:
    """Fields registered with the dialog's rows, so OK checks and stores them like the others."""
    page = QWidget()
    layout = QVBoxLayout(page)
    intro = QLabel(
        _(
            "Requests are due this many working hours after they come in, and every timed "
            "follow-up falls inside your working hours. The compensation guide suggests "
            "spending at least what a new customer costs: marketing budget divided by the new "
            "customers it won."
        )
    )
    intro.setWordWrap(True)
    response_hours = spin_field(prefs.response_hours, 1, 200, _(" working hours"))
    work_start = time_field(prefs.work_start)
    work_end = time_field(prefs.work_end)
    marketing_budget = spin_field(prefs.marketing_budget, 0, 1_000_000_000, f" {prefs.currency}")
    customers_won = spin_field(prefs.customers_won, 0, 10_000_000, "")
    form = QFormLayout()
    fields.row(form, PAGE, "response_hours", _("Answer re&quests within"), response_hours)
    fields.row(form, PAGE, "work_start", _("Working hours &start"), work_start)
    fields.row(form, PAGE, "work_end", _("Working hours &end"), work_end)
    fields.row(form, PAGE, "marketing_budget", _("Marketing &budget"), marketing_budget)
    fields.row(form, PAGE, "customers_won", _("New customers &won with it"), customers_won)
    layout.addWidget(intro)
    layout.addLayout(form)
    layout.addStretch(1)
    return page
