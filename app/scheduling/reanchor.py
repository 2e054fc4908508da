"""Re-date a sale's planned items after its delivery anchors change.

``reanchor(steps, items, anchors, calendar, today, *, policy, baseline_delivery, busy_dates,
min_gap_days)`` returns the items in input order with new due dates. Done, skipped and pinned
items never move. Items hung on a delivery or on the previous step are recomputed from
their step and the new anchors. Items hung on the sale's close keep their dates, except under
``LatenessPolicy.SHIFT`` where those after the first delivery step move by the delay: the
current delivery minus ``baseline_delivery`` (the delivery the plan was first made for;
default: the promised one), never negative. Birthday items keep their dates.

Dates are computed from the step definitions and anchors, never from an item's current
date, so re-anchoring twice gives the same result as once.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise

from app.dto.vocabulary import (
    DEFAULT_MIN_GAP_DAYS,
    DELIVERY_ANCHORS,
    AnchorKind,
    LatenessPolicy,
)
from app.scheduling.calendar import WorkCalendar
from app.scheduling.due_dates import anchor_date, occurrence_raw_date, ordered_steps, settle
from app.scheduling.gaps import place_with_gap
from app.scheduling.steps import Anchors, StepRule


class ItemState(StrEnum):
    """Where a planned item stands."""

    PLANNED = "planned"
    DONE = "done"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class ExistingItem:
    """A sale's item as stored; ``pinned`` means the salesperson moved it by hand."""

    step_index: int
    due_date: date | None
    state: ItemState = ItemState.PLANNED
    pinned: bool = False
    occurrence: int = 0

    @property
    def is_fixed(self) -> bool:
        """True when no re-anchoring may move this item."""
        return self.state != ItemState.PLANNED or self.pinned


def reanchor(
    steps: Sequence[StepRule],
    items: Sequence[ExistingItem],
    anchors: Anchors,
    calendar: WorkCalendar,
    today: date,
    *,
    policy: LatenessPolicy = LatenessPolicy.KEEP,
    baseline_delivery: date | None = None,
    busy_dates: Iterable[date] = (),
    min_gap_days: int = DEFAULT_MIN_GAP_DAYS,
    everything: bool = False,
) -> tuple[ExistingItem, ...]:
    """The sale's items with due dates recomputed for the new ``anchors``.

    With ``everything`` (the calendar rules changed, not an anchor) every planned item that
    is not pinned is recomputed, close-anchored ones included; birthdays still keep theirs,
    and so does overdue work (due before ``today``): a new rule must not hide it.
    """
    ordered = ordered_steps(steps)
    by_index = {step.index: step for step in ordered}
    previous_of = {step.index: prev.index for prev, step in pairwise(ordered)}
    unknown = {item.step_index for item in items} - by_index.keys()
    if unknown:
        raise ValueError(f"Items refer to steps the plan does not have: {sorted(unknown)}")
    shift = _shift_days(ordered, anchors, policy, baseline_delivery)

    def moves(item: ExistingItem) -> bool:
        step = by_index[item.step_index]
        if everything and not item.is_fixed:
            overdue = item.due_date is not None and item.due_date < today
            return step.anchor != AnchorKind.BIRTHDAY and not overdue
        return not item.is_fixed and (
            step.anchor in DELIVERY_ANCHORS
            or step.anchor == AnchorKind.PREVIOUS_STEP
            or (step.index in shift and step.anchor == AnchorKind.SALE_CLOSED)
        )

    moving = sorted((item for item in items if moves(item)), key=_placement_order)
    taken = list(busy_dates)
    taken += [
        item.due_date
        for item in items
        if not moves(item) and item.due_date is not None and item.state != ItemState.SKIPPED
    ]
    new_dates: dict[tuple[int, int], date | None] = {}
    for item in moving:
        step = by_index[item.step_index]
        anchor = anchor_date(step, anchors, previous_of.get(step.index))
        if anchor is None:
            new_dates[_placement_order(item)] = None
            continue
        raw = occurrence_raw_date(step, anchor, item.occurrence, calendar)
        raw += timedelta(days=shift.get(step.index, 0))
        settled = settle(raw, anchor, step, calendar, today)
        due = place_with_gap(settled, taken, min_gap_days, calendar)
        taken.append(due)
        new_dates[_placement_order(item)] = due
    return tuple(
        replace(item, due_date=new_dates[_placement_order(item)]) if moves(item) else item
        for item in items
    )


def _shift_days(
    ordered: Sequence[StepRule],
    anchors: Anchors,
    policy: LatenessPolicy,
    baseline_delivery: date | None,
) -> dict[int, int]:
    """Delay in days for each close-anchored step that follows the delivery, by step index.

    Empty unless the policy is shift; a step listed here is recomputed even with no delay,
    so a delivery that returns to its baseline brings those steps back.
    """
    delivery_steps = [step.index for step in ordered if step.anchor in DELIVERY_ANCHORS]
    if policy != LatenessPolicy.SHIFT or not delivery_steps:
        return {}
    baseline = baseline_delivery or anchors.promised_delivery
    current = anchors.delivery
    # An early delivery is not lateness: close-anchored steps never move earlier.
    delay = 0 if baseline is None or current is None else max(0, (current - baseline).days)
    return {
        step.index: delay
        for step in ordered
        if step.index > delivery_steps[0] and step.anchor == AnchorKind.SALE_CLOSED
    }


def _placement_order(item: ExistingItem) -> tuple[int, int]:
    return item.step_index, item.occurrence
