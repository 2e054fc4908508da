"""Log a contact that happened: its day, channel and a few words, and optionally the next step
(a follow-up to plan); Enter saves, Escape cancels."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.dto.timeline import InteractionDTO, NextStepInput
from app.i18n import _
from app.kinds import CHANNEL_LABELS, HAND_KINDS, kind_label
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.form_parts import date_edit, date_of

# A next step is most often "in a week or so".
NEXT_STEP_DAYS = 7
Save = Callable[[str, str, dt.date, NextStepInput | None], InteractionDTO]


class InteractionDialog(FormDialog[InteractionDTO]):
    """`save(summary, channel, day, next_step)` is called on Save and may raise KnownError
    (shown inline)."""

    def __init__(
        self,
        save: Save,
        channel: str,
        customer_name: str,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(_("Log interaction"))
        self.setMinimumWidth(460)
        heading = QLabel(_("Contact with {customer}").format(customer=customer_name))
        heading.setWordWrap(True)
        # User text: never interpreted as markup.
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.channel = QComboBox()
        for key, label in CHANNEL_LABELS.items():
            self.channel.addItem(_(label), key)
        self.channel.setCurrentIndex(max(0, self.channel.findData(channel)))
        # A contact already happened: today or earlier, never later.
        self.day = date_edit(today)
        self.day.setObjectName("interactionDay")
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(_("What happened, in a few words"))

        self.plan_next = QCheckBox(_("Plan a &next step"))
        self.next_kind = QComboBox()
        for kind in HAND_KINDS:
            self.next_kind.addItem(_(kind_label(kind)), kind)
        self.next_day = date_edit(today + dt.timedelta(days=NEXT_STEP_DAYS))
        self.next_day.setObjectName("nextStepDay")
        self.next_day.setMinimumDate(QDate(today.year, today.month, today.day))
        self.next_note = QLineEdit()
        self.next_note.setPlaceholderText(_("What to do then (optional)"))

        form = QFormLayout()
        form.addRow(_("&When"), self.day)
        form.addRow(_("C&hannel"), self.channel)
        form.addRow(_("&Summary"), self.summary)
        form.addRow(self.plan_next)
        # The next step's rows, shown while "Plan a next step" is ticked.
        self._next_rows: list[QWidget] = [self.next_kind, self.next_day, self.next_note]
        form.addRow(_("&Kind"), self.next_kind)
        form.addRow(_("&Due"), self.next_day)
        form.addRow(_("N&ote"), self.next_note)
        self._form = form
        self.plan_next.toggled.connect(self._next_toggled)
        buttons = self.button_box(ok=QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        chain = [
            self.day,
            self.channel,
            self.summary,
            self.plan_next,
            self.next_kind,
            self.next_day,
            self.next_note,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._next_toggled(False)
        self.summary.setFocus()

    def next_step_shown(self) -> bool:
        return not self.next_kind.isHidden()

    def _next_toggled(self, on: bool) -> None:
        for widget in self._next_rows:
            self._form.setRowVisible(widget, on)
        self.adjustSize()
        if on:
            self.next_kind.setFocus()

    def next_step(self) -> NextStepInput | None:
        if not self.plan_next.isChecked():
            return None
        return NextStepInput(
            kind=str(self.next_kind.currentData()),
            due=date_of(self.next_day),
            note=self.next_note.text(),
        )

    def save(self) -> InteractionDTO:
        return self._save(
            self.summary.text(),
            str(self.channel.currentData()),
            date_of(self.day),
            self.next_step(),
        )

    def refused(self) -> None:
        self.summary.setFocus()
