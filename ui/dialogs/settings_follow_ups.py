"""The settings page for follow-ups: cadences, reminders, currency, the drafts' language."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtWidgets import QComboBox, QFormLayout, QSpinBox, QVBoxLayout, QWidget

from app.i18n import LANGUAGES, _
from app.preferences import Preferences
from app.setting_choices import currencies
from app.setting_parsers import MAX_REMINDER_MINUTES
from ui.dialogs.settings_fields import FieldRows, SearchableChoice, spin_field

PAGE = 2


class FollowUpFields(NamedTuple):
    """The page and its fields, for a dialog (and its tests) that reach them by name."""

    page: QWidget
    default_cadence_days: QSpinBox
    key_cadence_days: QSpinBox
    reminder_minutes: QSpinBox
    currency: SearchableChoice
    draft_language: QComboBox


def follow_ups_page(fields: FieldRows, prefs: Preferences) -> FollowUpFields:
    """Fields registered with the dialog's rows, so OK checks and stores them like the others."""
    page = QWidget()
    layout = QVBoxLayout(page)
    days = _(" days")
    default_cadence_days = spin_field(prefs.default_cadence_days, 7, 730, days)
    key_cadence_days = spin_field(prefs.key_cadence_days, 7, 730, days)
    reminder_minutes = spin_field(
        prefs.reminder_minutes, 0, MAX_REMINDER_MINUTES, _(" minutes before")
    )
    currency = SearchableChoice(currencies(prefs.currency), prefs.currency)
    # Drafts to customers without a language of their own; each language by its own name.
    draft_language = QComboBox()
    draft_language.setObjectName("draftLanguage")
    draft_language.addItem(_("Default: the interface language"), "")
    for code, name in LANGUAGES.items():
        draft_language.addItem(name, code)
    draft_language.setCurrentIndex(max(0, draft_language.findData(prefs.draft_language)))
    form = QFormLayout()
    fields.row(
        form,
        PAGE,
        "default_cadence_days",
        _("&Keep in touch every"),
        default_cadence_days,
    )
    fields.row(form, PAGE, "key_cadence_days", _("Key c&ustomers every"), key_cadence_days)
    fields.row(form, PAGE, "reminder_minutes", _("&Reminder"), reminder_minutes)
    fields.row(form, PAGE, "currency", _("Currenc&y"), currency)
    fields.row(form, PAGE, "draft_language", _("&Drafts in"), draft_language)
    layout.addLayout(form)
    layout.addStretch(1)
    return FollowUpFields(
        page, default_cadence_days, key_cadence_days, reminder_minutes, currency, draft_language
    )
