"""A plan's steps as a Qt table: number, kind, channel, when (offset + anchor), time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.dto.plans import PlanStepDTO
from app.kinds import CHANNEL_LABELS, KIND_LABELS
from ui import dates
from ui.item_models.list_table import ListTableModel
from ui.texts import fill

COLUMNS = ("#", "Kind", "Channel", "When", "Time")
PREFERRED_CHANNEL = "Customer's preferred"
# Anchors as the end of "3 weeks after …".
ANCHOR_LABELS = {
    "sale_closed": "the close",
    "promised_delivery": "promised delivery",
    "actual_delivery": "actual delivery",
    "delivery": "delivery",
    "previous_step": "the previous step",
    "birthday": "the birthday",
    "last_interaction": "the last contact",
}
# (one, many) per offset unit; "%1" is the amount.
UNIT_LABELS = {
    "days": ("1 day", "%1 days"),
    "working_days": ("1 working day", "%1 working days"),
    "weeks": ("1 week", "%1 weeks"),
    "months": ("1 month", "%1 months"),
}

Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanStepsTableModel", text)


def kind_text(kind: str) -> str:
    return tr(KIND_LABELS.get(kind, kind.replace("_", " ").capitalize()))


def channel_text(channel: str | None) -> str:
    return tr(PREFERRED_CHANNEL) if channel is None else tr(CHANNEL_LABELS.get(channel, channel))


def anchor_text(anchor: str) -> str:
    return tr(ANCHOR_LABELS.get(anchor, anchor.replace("_", " ")))


def amount_text(amount: int, unit: str) -> str:
    one, many = UNIT_LABELS.get(unit, ("1 " + unit, "%1 " + unit))
    return tr(one) if amount == 1 else fill(tr(many), str(amount))


def offset_text(step: PlanStepDTO) -> str:
    """'+3 weeks after delivery', '5 days before the birthday', 'same day as the close'."""
    anchor = anchor_text(step.anchor)
    amount = amount_text(abs(step.offset_amount), step.offset_unit)
    if step.offset_amount > 0:
        text = fill(tr("+%1 after %2"), amount, anchor)
    elif step.offset_amount < 0:
        text = fill(tr("%1 before %2"), amount, anchor)
    else:
        text = fill(tr("same day as %1"), anchor)
    return text + repeat_text(step)


def repeat_text(step: PlanStepDTO) -> str:
    if step.repeat_unit is None or step.repeat_amount is None:
        return ""
    if step.repeat_unit == "cadence":
        return tr(", then at the customer's keep-in-touch cadence")
    return fill(tr(", then every %1"), amount_text(step.repeat_amount, step.repeat_unit))


def time_text(step: PlanStepDTO) -> str:
    return dates.time_text(step.time_of_day) if step.time_of_day else tr("all day")


class PlanStepsTableModel(ListTableModel):
    """A plan has a handful of steps: they are held in full and replaced on every change."""

    columns = COLUMNS
    translate = staticmethod(tr)

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
