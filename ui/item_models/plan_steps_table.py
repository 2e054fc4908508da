"""A plan's steps as a Qt table: number, kind, channel, when (offset + anchor), time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.dto.plans import PlanStepDTO
from app.i18n import N_, _, ngettext
from app.kinds import CHANNEL_LABELS, KIND_LABELS
from ui import dates
from ui.item_models.list_table import ListTableModel

COLUMNS = ("#", N_("Kind"), N_("Channel"), N_("When"), N_("Time"))
PREFERRED_CHANNEL = N_("Customer's preferred")
# Anchors as the end of "3 weeks after …".
ANCHOR_LABELS = {
    "sale_closed": N_("the close"),
    "promised_delivery": N_("promised delivery"),
    "actual_delivery": N_("actual delivery"),
    "delivery": N_("delivery"),
    "previous_step": N_("the previous step"),
    "birthday": N_("the birthday"),
    "last_interaction": N_("the last contact"),
}

Index = QModelIndex | QPersistentModelIndex


def kind_text(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind.replace("_", " ").capitalize()))


def channel_text(channel: str | None) -> str:
    return _(PREFERRED_CHANNEL) if channel is None else _(CHANNEL_LABELS.get(channel, channel))


def anchor_text(anchor: str) -> str:
    return _(ANCHOR_LABELS.get(anchor, anchor.replace("_", " ")))


def amount_text(amount: int, unit: str) -> str:
    """'1 day', '3 working days': whole phrases, as each language counts them."""
    if unit == "days":
        text = ngettext("{n} day", "{n} days", amount)
    elif unit == "working_days":
        text = ngettext("{n} working day", "{n} working days", amount)
    elif unit == "weeks":
        text = ngettext("{n} week", "{n} weeks", amount)
    elif unit == "months":
        text = ngettext("{n} month", "{n} months", amount)
    else:  # a unit this version does not know: its code, never a lost amount
        return f"{amount} {unit}"
    return text.format(n=amount)


def offset_text(step: PlanStepDTO) -> str:
    """'+3 weeks after delivery', '5 days before the birthday', 'same day as the close'."""
    anchor = anchor_text(step.anchor)
    amount = amount_text(abs(step.offset_amount), step.offset_unit)
    if step.offset_amount > 0:
        text = _("+{amount} after {anchor}").format(amount=amount, anchor=anchor)
    elif step.offset_amount < 0:
        text = _("{amount} before {anchor}").format(amount=amount, anchor=anchor)
    else:
        text = _("same day as {anchor}").format(anchor=anchor)
    return text + repeat_text(step)


def repeat_text(step: PlanStepDTO) -> str:
    if step.repeat_unit is None or step.repeat_amount is None:
        return ""
    if step.repeat_unit == "cadence":
        return _(", then at the customer's keep-in-touch cadence")
    return _(", then every {amount}").format(
        amount=amount_text(step.repeat_amount, step.repeat_unit)
    )


def time_text(step: PlanStepDTO) -> str:
    return dates.time_text(step.time_of_day) if step.time_of_day else _("all day")


class PlanStepsTableModel(ListTableModel):
    """A plan has a handful of steps: they are held in full and replaced on every change."""

    columns = COLUMNS
    translate = staticmethod(_)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[PlanStepDTO, ...] = ()

    def set_steps(self, steps: tuple[PlanStepDTO, ...]) -> None:
        """Same number of rows: a data change, so the view keeps its selection; else a reset."""
        if len(steps) == len(self._rows) and steps:
            self._rows = tuple(steps)
            last = self.index(len(steps) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = tuple(steps)
        self.endResetModel()

    def step_at(self, row: int) -> PlanStepDTO | None:
        return self.row_item(row)  # type: ignore[no-any-return]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        step = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            texts = (
                str(index.row() + 1),
                kind_text(step.kind),
                channel_text(step.channel),
                offset_text(step),
                time_text(step),
            )
            if role == Qt.ItemDataRole.DisplayRole:
                return texts[column]
            # The subject says what the step is for; "When" may be cut off in a narrow column.
            return (step.subject or None) if column == 1 else texts[column] if column == 3 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return step.position
        return None
