"""Settings: your profile (it signs your letters), calendar rules and follow-up defaults."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.errors import KnownError, ValidationError
from app.i18n import _, ngettext
from app.preferences import CALENDAR_KEYS, Preferences, parse_value
from app.setting_choices import Choice, holiday_regions, time_zones
from app.setting_parsers import WEEKDAYS
from ui.background import BackgroundTask, run_in_background
from ui.dialogs.settings_days_off import DaysOffEditor
from ui.dialogs.settings_fields import (
    FieldRows,
    SearchableChoice,
    line_field,
    spin_field,
    time_of,
)
from ui.dialogs.settings_follow_ups import follow_ups_page
from ui.dialogs.settings_language import language_field, restart_note
from ui.dialogs.settings_promises import promises_page
from ui.dialogs.settings_sync import sync_page
from ui.error_text import shown
from ui.language import system_language
from ui.look.styles import error_style


class SettingsDialog(QDialog):
    """OK checks every field first; a calendar change re-plans in the background."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.saved: Preferences | None = None
        # How many planned follow-ups the re-plan moved (None: no calendar rule changed).
        self.moved: int | None = None
        self.task: BackgroundTask | None = None
        self.report: QMessageBox | None = None
        self.language_changed = False
        self.fields = FieldRows()
        self.setWindowTitle(_("Settings"))
        prefs = context.settings.get()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._profile_page(prefs), _("Pro&file"))
        self.tabs.addTab(self._calendar_page(prefs), _("Ca&lendar"))
        follow_ups = follow_ups_page(self.fields, prefs)
        self.tabs.addTab(follow_ups.page, _("F&ollow-ups"))
        self.currency, self.draft_language = follow_ups.currency, follow_ups.draft_language
        self.key_cadence_days = follow_ups.key_cadence_days
        self.tabs.addTab(promises_page(self.fields, prefs), _("&Promises"))
        self.tabs.addTab(sync_page(self.fields, prefs), _("Calendar sync"))
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style())
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.days_off.refused.connect(self._refuse_days_off)
        chain = [self.tabs.tabBar(), *self._focus_chain, self.buttons]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.my_name.setFocus()

    # --- pages -------------------------------------------------------------------------
    @property
    def _focus_chain(self) -> list[QWidget]:
        widgets: list[QWidget] = []
        for key, widget in self.fields.inputs.items():
            if key == "working_days":
                widgets.extend(self.working_days)
            elif isinstance(widget, DaysOffEditor):
                widgets.extend(widget.focus_widgets)
            else:
                widgets.append(widget)
        return widgets

    def _profile_page(self, prefs: Preferences) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            _(
                "Every message the planner drafts ends with your name and how to reach you, "
                "from here. Fill in what customers should see; leave out the rest."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.my_name = line_field(prefs.my_name)
        self.my_title = line_field(prefs.my_title, _("e.g. Account Manager"))
        self.my_company = line_field(prefs.my_company)
        self.my_phone = line_field(prefs.my_phone)
        self.my_mobile = line_field(prefs.my_mobile)
        self.my_email = line_field(prefs.my_email)
        self.my_website = line_field(prefs.my_website, _("e.g. https://example.com"))
        for key, label, widget in (
            ("my_name", _("&Name"), self.my_name),
            ("my_title", _("&Title"), self.my_title),
            ("my_company", _("&Company"), self.my_company),
            ("my_phone", _("&Phone"), self.my_phone),
            ("my_mobile", _("&Mobile"), self.my_mobile),
            ("my_email", _("&E-mail"), self.my_email),
            ("my_website", _("&Web site"), self.my_website),
        ):
            self.fields.row(form, 0, key, label, widget)
        # The interface's language is the user's, like the rest of this page.
        self.language = language_field(prefs.language, system_language())
        self.fields.row(form, 0, "language", _("&Language"), self.language)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _calendar_page(self, prefs: Preferences) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            _(
                "Follow-ups land on working days only. Changing these re-plans every planned "
                "follow-up you have not moved by hand."
            )
        )
        intro.setWordWrap(True)
        self.timezone = SearchableChoice(
            time_zones(self.context.clock.now(), prefs.timezone), prefs.timezone
        )
        self.timezone.setToolTip(_("Type a city to find its time zone"))
        self.working_days: list[QCheckBox] = []
        days = QHBoxLayout()
        days.setContentsMargins(0, 0, 0, 0)
        locale = QLocale()
        for number in range(7):
            box = QCheckBox(locale.dayName(number + 1, QLocale.FormatType.ShortFormat))
            box.setChecked(number in prefs.working_days)
            box.setAccessibleName(locale.dayName(number + 1))
            # Never squeezed into "M", "T": the dialog widens instead.
            box.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            self.working_days.append(box)
            days.addWidget(box)
        days.addStretch(1)
        days_widget = QWidget()
        days_widget.setLayout(days)
        none = Choice("", _("No public holidays"))
        self.holiday_country = SearchableChoice(
            [none, *holiday_regions(prefs.holiday_country)], prefs.holiday_country
        )
        self.holiday_country.setToolTip(
            _("Type your country or region (Bavaria, Texas) to get its public holidays")
        )
        self.days_off = DaysOffEditor(prefs.days_off, self.context.planning().today)
        self.min_gap_days = spin_field(prefs.min_gap_days, 0, 30, _(" days"))
        self.min_gap_days.setToolTip(_("The fewest days between two contacts to a customer"))
        form = QFormLayout()
        self.fields.row(form, 1, "timezone", _("Time &zone"), self.timezone)
        self.fields.row(
            form, 1, "working_days", _("Working &days"), days_widget, self.working_days[0]
        )
        self.fields.row(form, 1, "holiday_country", _("Public &holidays"), self.holiday_country)
        self.fields.row(
            form, 1, "days_off", _("Personal d&ays off"), self.days_off, self.days_off.first
        )
        self.fields.row(form, 1, "min_gap_days", _("Minimum &gap"), self.min_gap_days)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    # --- values ------------------------------------------------------------------------
    def texts(self) -> dict[str, str]:
        """Every setting as the text the service parses (codes, ISO dates, HH:MM)."""
        texts: dict[str, str] = {}
        for key, widget in self.fields.inputs.items():
            if key == "working_days":
                texts[key] = ",".join(
                    WEEKDAYS[n] for n, box in enumerate(self.working_days) if box.isChecked()
                )
            elif isinstance(widget, DaysOffEditor):
                texts[key] = ",".join(day.isoformat() for day in widget.days())
            elif isinstance(widget, QTimeEdit):
                texts[key] = time_of(widget).strftime("%H:%M")
            elif isinstance(widget, QSpinBox):
                texts[key] = str(widget.value())
            elif isinstance(widget, SearchableChoice):
                code = widget.code()
                texts[key] = widget.currentText().strip() if code is None else code
            elif isinstance(widget, QComboBox):
                texts[key] = str(widget.currentData())
            elif isinstance(widget, QLineEdit):
                texts[key] = widget.text()
        if self._no_holidays():
            texts["holiday_country"] = "none"
        return texts

    def _no_holidays(self) -> bool:
        """'No public holidays' picked, the field emptied, or 'none' typed as before."""
        typed = self.holiday_country.currentText().strip().casefold()
        return self.holiday_country.code() == "" or typed in {"", "none"}

    def _check(self) -> tuple[dict[str, str], dict[str, str]]:
        """(changed settings as text, error per setting): nothing is written here."""
        current = self.context.settings.get()
        changes: dict[str, str] = {}
        errors: dict[str, str] = {}
        for key, text in self.texts().items():
            widget = self.fields.inputs[key]
            if key == "working_days" and not text:
                errors[key] = _("Pick at least one working day.")
                continue
            unlisted = isinstance(widget, SearchableChoice) and widget.code() is None
            if unlisted and not (key == "holiday_country" and self._no_holidays()):
                errors[key] = self._not_listed(key).format(typed=repr(text))
                continue
            try:
                value: Any = parse_value(key, text)
            except ValidationError as exc:
                errors[key] = shown(exc.message)
                continue
            if value != getattr(current, key):
                changes[key] = text
        texts = self.texts()
        if "work_start" not in errors and texts["work_end"] <= texts["work_start"]:
            errors["work_end"] = _("Working hours must end after they start.")
        return changes, errors

    def _not_listed(self, key: str) -> str:
        """What a list field says when what was typed names none of its entries."""
        if key == "timezone":
            return _(
                "No time zone matches {typed}. Type a city, like Berlin, and pick it from the list."
            )
        if key == "holiday_country":
            return _(
                "No country or region matches {typed}. Type its name and pick it from the list."
            )
        return _("No currency matches {typed}. Type its name or code, like euro or EUR.")

    def _show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.fields.errors.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)
        self.error.setVisible(bool(errors))
        self.error.setText(_("Please correct the marked fields.") if errors else "")
        if errors:
            first = next(key for key in self.fields.inputs if key in errors)
            self.tabs.setCurrentIndex(self.fields.tab_of[first])
            target = self.fields.inputs[first]
            if first == "working_days":
                target = self.working_days[0]
            elif isinstance(target, DaysOffEditor):
                target = target.first
            target.setFocus()

    def _refuse_days_off(self, reason: str) -> None:
        label = self.fields.errors["days_off"]
        label.setText(reason)
        label.show()

    # --- OK / Cancel ---------------------------------------------------------------------
    def accept(self) -> None:
        if self.task is not None:
            return
        changes, errors = self._check()
        self._show_errors(errors)
        if errors:
            return
        if not changes:
            super().accept()
            return
        self.language_changed = "language" in changes
        if changes.keys() & CALENDAR_KEYS:
            self._save_and_replan(changes)
            return
        try:
            self.saved = self.context.settings.set_many(changes)
        except KnownError as exc:
            self._failed(shown(exc), True)
            return
        super().accept()

    def _save_and_replan(self, changes: dict[str, str]) -> None:
        context = self.context

        def work(_progress: object) -> tuple[Preferences, int]:
            change = context.change_settings(changes)
            return change.preferences, change.moved or 0

        self.buttons.setEnabled(False)
        self.error.setText(_("Saving and re-planning your follow-ups…"))
        self.error.show()
        self.task = run_in_background(
            work, _("Re-planning your follow-ups"), self, self._saved, self._failed
        )
        if self.task.dialog is not None:
            # The change is one transaction: once it runs there is nothing to cancel.
            self.task.dialog.setCancelButton(None)

    def _saved(self, result: tuple[Preferences, int]) -> None:
        self.task = None
        self.saved, self.moved = result
        self.error.hide()
        self.report = QMessageBox(
            QMessageBox.Icon.Information,
            _("Settings saved"),
            self.summary(),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.report.finished.connect(lambda _result: QDialog.accept(self))
        self.report.open()

    def _failed(self, message: str, _known: bool) -> None:
        self.task = None
        self.buttons.setEnabled(True)
        self.error.setText(_("Nothing was saved. {reason}").format(reason=message))
        self.error.show()

    def summary(self) -> str:
        """What the last OK did, for a status bar (a new language: when it applies)."""
        saved = self._saved_summary()
        return f"{saved} {restart_note()}" if self.language_changed else saved

    def _saved_summary(self) -> str:
        if self.saved is None:
            return _("Settings unchanged.")
        if self.moved is None:
            return _("Settings saved.")
        if self.moved == 0:
            return _("Settings saved. No planned follow-up had to move.")
        return ngettext(
            "Settings saved. {count} planned follow-up moved to fit your calendar.",
            "Settings saved. {count} planned follow-ups moved to fit your calendar.",
            self.moved,
        ).format(count=self.moved)

    def reject(self) -> None:
        if self.task is None:  # a running save cannot be abandoned halfway
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.task is not None:
            event.ignore()
            return
        super().closeEvent(event)
