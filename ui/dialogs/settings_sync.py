"""Settings' Calendar sync page: how far ahead the calendars reach, and the OAuth client IDs."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from app.i18n import _
from app.preferences import Preferences
from ui.dialogs.settings_fields import FieldRows, line_field, spin_field

PAGE = 4


def sync_page(fields: FieldRows, prefs: Preferences) -> QWidget:
    """Fields registered with the dialog's rows, so OK checks and stores them like the others."""
    page = QWidget()
    layout = QVBoxLayout(page)
    intro = QLabel(
        _(
            "Your calendars get the planned follow-ups this many months ahead, and every "
            "overdue one. Google and Microsoft sign you in through an OAuth client ID that "
            "you or your company create once (the README explains how); leave them empty "
            "when this copy of the app came with one."
        )
    )
    intro.setWordWrap(True)
    months = spin_field(prefs.calendar_months, 1, 24, _(" months ahead"))
    google = line_field(prefs.google_client_id, "….apps.googleusercontent.com")
    microsoft = line_field(prefs.microsoft_client_id, _("Application (client) ID"))
    form = QFormLayout()
    fields.row(form, PAGE, "calendar_months", _("Put &in the calendar up to"), months)
    fields.row(form, PAGE, "google_client_id", _("Google client ID"), google)
    fields.row(form, PAGE, "microsoft_client_id", _("Microsoft client ID"), microsoft)
    layout.addWidget(intro)
    layout.addLayout(form)
    layout.addStretch(1)
    return page
