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
# The When column's phrases, whole per anchor (after, before, same day): a language that
# declines its nouns ("a lezárás után", "після закриття") needs the anchor in the case its
# preposition asks for, which "{amount} after {anchor}" cannot give it.
OFFSET_PHRASES = {
    "sale_closed": (
        N_("+{amount} after the close"),
        N_("{amount} before the close"),
        N_("same day as the close"),
    ),
    "promised_delivery": (
        N_("+{amount} after promised delivery"),
        N_("{amount} before promised delivery"),
        N_("same day as promised delivery"),
    ),
    "actual_delivery": (
        N_("+{amount} after actual delivery"),
        N_("{amount} before actual delivery"),
        N_("same day as actual delivery"),
    ),
    "delivery": (
        N_("+{amount} after delivery"),
        N_("{amount} before delivery"),
        N_("same day as delivery"),
    ),
    "previous_step": (
        N_("+{amount} after the previous step"),
        N_("{amount} before the previous step"),
        N_("same day as the previous step"),
    ),
    "birthday": (
        N_("+{amount} after the birthday"),
        N_("{amount} before the birthday"),
        N_("same day as the birthday"),
    ),
    "last_interaction": (
        N_("+{amount} after the last contact"),
        N_("{amount} before the last contact"),
        N_("same day as the last contact"),
    ),
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
    amount = amount_text(abs(step.offset_amount), step.offset_unit)
    direction = 0 if step.offset_amount > 0 else 1 if step.offset_amount < 0 else 2
    phrases = OFFSET_PHRASES.get(step.anchor)
    if phrases is not None:
        text = _(phrases[direction]).format(amount=amount)
    else:  # an anchor this version does not know: its code, never a lost step
        text = f"{'+' if direction == 0 else '-' if direction == 1 else ''}{amount} {step.anchor}"
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
