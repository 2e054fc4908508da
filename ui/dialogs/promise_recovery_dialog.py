"""A promise's recovery at a glance: the checklist, its steps' times and the compensation guide."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from app.dto.commitments import CompensationGuide, Recovery
from app.dto.vocabulary import Status
from app.i18n import _
from ui.amounts import amount_text
from ui.dialogs.form_parts import plain_label
from ui.item_models.timeline_table import date_text


def guide_text(guide: CompensationGuide) -> tuple[str, str]:
    """(floor, customer value) as the user reads them."""
    floor = (
        amount_text(guide.floor_minor, guide.currency)
        if guide.floor_minor is not None
        else _("an amount you set: marketing budget and customers won in Settings")
    )
    value = " + ".join(amount_text(t.amount_minor, t.currency) for t in guide.customer_value)
    return floor, value or _("nothing yet")


class PromiseRecoveryDialog(QDialog):
    """Read-only; Close (or Escape) leaves."""

    def __init__(self, recovery: Recovery, zone: dt.tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Recovery"))
        self.setMinimumSize(560, 420)
        promise = recovery.commitment
        heading = plain_label(
            _("{promise} — due {date}").format(promise=promise.text, date=date_text(promise.due_on))
        )
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        steps = {item.id: item for item in recovery.touchpoints}
        self.checklist = QListWidget()
        self.checklist.setObjectName("recoveryChecklist")
        for line in recovery.checklist:
            step = steps.get(line.touchpoint_id or 0)
            when = ""
            if step is not None:
                local = step.due_at.astimezone(zone).time() if step.due_at else None
                when = date_text(step.due_date, local)
            skipped = step is not None and step.status == Status.SKIPPED
            mark = "✓" if line.done else ("–" if skipped else "○")
            self.checklist.addItem(f"{mark} {_(line.text)}" + (f"  ({when})" if when else ""))
        floor, value = guide_text(recovery.compensation)
        guide = _(
            "Compensate beyond the loss. Spend at least {floor} (what a new customer costs). "
            "This customer has bought {value}."
        )
        self.guide = QLabel(guide.format(floor=floor, value=value))
        self.guide.setObjectName("compensationGuide")
        self.guide.setTextFormat(Qt.TextFormat.PlainText)
        self.guide.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if promise.note:
            layout.addWidget(plain_label(promise.note))
        layout.addWidget(self.checklist, 1)
        layout.addWidget(self.guide)
        layout.addWidget(buttons)
        self.checklist.setFocus()
