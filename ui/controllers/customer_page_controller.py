"""Customer page behaviour: load the timeline, log contacts, record sales, set the cadence."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from urllib.parse import quote

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.context import AppContext
from app.dto.changes import Area, Changes
from app.dto.customers import CustomerDTO, CustomerInput
from app.dto.timeline import CustomerTimeline, InteractionDTO, NextStepInput, TimelineTotals
from app.dto.vocabulary import Kind
from app.errors import KnownError, NotFound
from app.i18n import LANGUAGES, _, ngettext
from ui.amounts import amount_text
from ui.change_stream import change_stream, follow_changes
from ui.controllers.coming_up_actions import ComingUpActions
from ui.controllers.promises_controller import PromisesController
from ui.controllers.sale_action import record_sale
from ui.dialogs.interaction_dialog import InteractionDialog
from ui.error_text import shown
from ui.item_models.timeline_table import (
    TimelineTableModel,
    channel_text,
    date_text,
)
from ui.views.customer_page import CustomerPageView

EXTENSION = re.compile(r"\s*(?:x|ext\.?)\s*(\d+)\s*$", re.IGNORECASE)


def mailto(email: str) -> str:
    return "mailto:" + quote(email, safe="@.+-_")


def tel(phone: str) -> str:
    """tel: URI (RFC 3966): digits and a leading +, the extension as ;ext=."""
    extension = EXTENSION.search(phone)
    number = phone[: extension.start()] if extension else phone
    digits = "".join(char for char in number if char.isdigit() or char == "+")
    return f"tel:{digits}" + (f";ext={extension.group(1)}" if extension else "")


def link(href: str, text: str) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(text)}</a>'


class CustomerPageController(QObject):
    """Shows one customer at a time; tells the window when it changed something."""

    status = Signal(str)
    back_requested = Signal()
    # Open draft on a Coming up row: the window shows it in Today.
    draft_wanted = Signal(object)

    def __init__(self, view: CustomerPageView, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.view = view
        self.context = context
        self.window = window
        self.timeline: CustomerTimeline | None = None
        self._customer_id: int | None = None
        self.upcoming_model = TimelineTableModel(self)
        self.past_model = TimelineTableModel(self)
        view.upcoming.setModel(self.upcoming_model)
        view.past.setModel(self.past_model)
        view.back.clicked.connect(self.back_requested)
        view.log_interaction.clicked.connect(self.log_interaction)
        view.record_sale.clicked.connect(self.record_sale)
        view.save_preferences.clicked.connect(self.save_preferences)
        view.channel.currentIndexChanged.connect(lambda _index: self._preferences_edited())
        view.cadence.valueChanged.connect(lambda _value: self._preferences_edited())
        view.language.currentIndexChanged.connect(lambda _index: self._preferences_edited())
        follow_changes(change_stream(context), view, self.on_changes)
        self.promises = PromisesController(view.promises, context, window)
        self.promises.status.connect(self.status)
        self.coming_up = ComingUpActions(
            view, context, window, self.upcoming_model, lambda: self._customer_id
        )
        self.coming_up.status.connect(self.status)
        self.coming_up.draft_wanted.connect(self.draft_wanted)

    @property
    def customer_id(self) -> int | None:
        return self._customer_id

    @property
    def customer(self) -> CustomerDTO | None:
        return self.timeline.customer if self.timeline else None

    def show_customer(self, customer_id: int) -> None:
        self._customer_id = customer_id
        self.refresh()
        self.view.log_interaction.setFocus()

    def refresh(self) -> None:
        if self._customer_id is None:
            return
        try:
            timeline = self.context.timeline.timeline(self._customer_id)
        except NotFound as exc:
            self.status.emit(shown(exc))
            self.back_requested.emit()
            return
        self.timeline = timeline
        self._show_header(timeline)
        self.promises.show_customer(timeline.customer.id, timeline.customer.display_name)
        self.upcoming_model.set_entries(timeline.upcoming)
        self.past_model.set_entries(timeline.past)
        self.view.upcoming_label.setText(
            _("Coming up ({count})").format(count=len(timeline.upcoming))
        )
        self.view.past_label.setText(_("History ({count})").format(count=len(timeline.past)))

    # --- header ----------------------------------------------------------------------
    def _show_header(self, timeline: CustomerTimeline) -> None:
        customer = timeline.customer
        view = self.view
        view.title.setText(("★ " if customer.is_key else "") + customer.name)
        view.title.setToolTip(_("Key customer") if customer.is_key else "")
        # "Head of Purchasing, Acme GmbH": who they are where they work.
        works = ", ".join(part for part in (customer.job_title, customer.company) if part)
        parts = [html.escape(works)] if works else []
        if customer.email:
            parts.append(link(mailto(customer.email), customer.email))
        if customer.phone:
            parts.append(link(tel(customer.phone), customer.phone))
        parts.append(
            html.escape(_("prefers {channel}").format(channel=channel_text(customer.channel)))
        )
        parts.append(html.escape(self._cadence_text(customer)))
        view.contact.setText(" · ".join(parts))
        address = customer.postal_address.replace("\n", ", ")
        view.address.setText(address)
        view.address.setVisible(bool(address))
        view.warning.setText(
            _("Do not contact: this customer asked not to be contacted, so nothing is planned.")
        )
        view.warning.setVisible(customer.do_not_contact)
        view.totals.setText(self._totals_text(timeline.totals))
        for widget in (view.channel, view.cadence, view.language):
            widget.blockSignals(True)
        view.channel.setCurrentIndex(max(0, view.channel.findData(customer.channel)))
        default_language = self.context.customers.default_language()
        view.language.setItemText(
            0,
            _("Default ({language})").format(
                language=LANGUAGES.get(default_language, default_language)
            ),
        )
        view.language.setCurrentIndex(max(0, view.language.findData(customer.language)))
        days = self._default_cadence(customer)
        default = ngettext("Default ({days} day)", "Default ({days} days)", days).format(days=days)
        view.cadence.setSpecialValueText(default)
        # Wide enough for its longest text: a narrow box showed "lt (90 days)".
        metrics = view.cadence.fontMetrics()
        view.cadence.setMinimumWidth(metrics.horizontalAdvance(default) + 4 * metrics.height())
        view.cadence.setValue(customer.keep_in_touch_days or 0)
        for widget in (view.channel, view.cadence, view.language):
            widget.blockSignals(False)
        view.save_preferences.setEnabled(False)

    def _default_cadence(self, customer: CustomerDTO) -> int:
        prefs = self.context.settings.get()
        return prefs.key_cadence_days if customer.is_key else prefs.default_cadence_days

    def _cadence_text(self, customer: CustomerDTO) -> str:
        if customer.keep_in_touch_days:
            days = customer.keep_in_touch_days
            return ngettext(
                "keep in touch every {days} day", "keep in touch every {days} days", days
            ).format(days=days)
        days = self._default_cadence(customer)
        return ngettext(
            "keep in touch every {days} day (default)",
            "keep in touch every {days} days (default)",
            days,
        ).format(days=days)

    def _totals_text(self, totals: TimelineTotals) -> str:
        won = _("{won} won").format(won=totals.won)
        if totals.won_amounts:
            sums = " + ".join(amount_text(t.amount_minor, t.currency) for t in totals.won_amounts)
            won += f" ({sums})"
        parts = [
            won,
            _("{lost} lost").format(lost=totals.lost),
            ngettext(
                "{planned} follow-up planned", "{planned} follow-ups planned", totals.planned
            ).format(planned=totals.planned),
        ]
        if totals.last_contact is not None:
            day = totals.last_contact.astimezone(self.context.settings.get().zone).date()
            parts.append(_("last contact {date}").format(date=date_text(day)))
        else:
            parts.append(_("no contact logged yet"))
        return " · ".join(parts)

    # --- actions -----------------------------------------------------------------------
    def log_interaction(self) -> None:
        customer = self.customer
        if customer is None:
            return
        customer_id = customer.id

        def save(
            summary: str, channel: str, day: dt.date, step: NextStepInput | None
        ) -> InteractionDTO:
            return self.context.interactions.add(
                customer_id, summary, channel=channel, on=day, next_step=step
            )

        today = self.context.agenda.today_date()
        saved = InteractionDialog(
            save, customer.channel, customer.display_name, today, self.window
        ).run()
        if saved is not None:
            text = _("Logged the contact with {display_name}.").format(
                display_name=customer.display_name
            )
            if saved.next_step_id is not None:
                step = self.context.touchpoints.get(saved.next_step_id)
                text += " " + _("Next step: {date}.").format(date=date_text(step.due_date))
            check_in = self._next_check_in()
            if check_in:
                text += " " + _("Next check-in: {check_in}.").format(check_in=check_in)
            self.status.emit(text)

    def record_sale(self) -> None:
        customer = self.customer
        if customer is None:
            return
        text = record_sale(self.context, customer.id, self.window)
        if text is not None:
            self.status.emit(text)

    def save_preferences(self) -> None:
        if self._customer_id is None:
            return
        try:
            # Fresh from the database: an edit elsewhere since the page loaded is kept.
            current = self.context.customers.get(self._customer_id)
            self.context.customers.update(current.id, self._with_preferences(current))
        except KnownError as exc:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                _("Not saved"),
                shown(exc),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            # The message may quote the customer's data: never interpreted as markup.
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.exec()
            return
        self.status.emit(_("Saved how to keep in touch with {name}.").format(name=current.name))

    def _with_preferences(self, customer: CustomerDTO) -> CustomerInput:
        return dataclasses.replace(
            customer.as_input(),
            channel=str(self.view.channel.currentData()),
            keep_in_touch_days=self.view.cadence.value() or None,
            language=str(self.view.language.currentData()),
        )

    def _preferences_edited(self) -> None:
        customer = self.customer
        if customer is None:
            return
        changed = (
            self.view.channel.currentData() != customer.channel
            or (self.view.cadence.value() or None) != customer.keep_in_touch_days
            or self.view.language.currentData() != customer.language
        )
        self.view.save_preferences.setEnabled(changed)

    def _next_check_in(self) -> str:
        upcoming = self.timeline.upcoming if self.timeline else ()
        entry = next((e for e in upcoming if e.kind == Kind.CHECK_IN), None)
        return date_text(entry.when) if entry else ""

    def on_changes(self, changes: Changes) -> None:
        """A committed change: read the page again if it may show this customer differently."""
        if self._customer_id is None:
            return
        if changes.touches_customer(self._customer_id) or changes.touches(
            Area.SETTINGS, Area.PLANS
        ):
            self.refresh()
