"""From a step rule and a sale's anchors to the dated occurrences of that step.

A step's raw date is its anchor plus its offset; ``settle`` then rolls it to a working day
no earlier than ``today`` and, for a non-negative offset, no earlier than the anchor.
"""

from collections.abc import Callable, Iterable
from datetime import date
from itertools import pairwise
from typing import NamedTuple

from app.dto.vocabulary import AnchorKind, RollDirection
from app.scheduling.birthdays import MonthDay, birthday_in_year
from app.scheduling.calendar import WorkCalendar
from app.scheduling.offsets import apply_offset, fixed_length_days
from app.scheduling.steps import Anchors, StepRule

# Enum members bound once: class attribute lookups on enums are slow in per-touchpoint code.
_PREVIOUS_STEP = AnchorKind.PREVIOUS_STEP
_NEXT = RollDirection.NEXT
_PREVIOUS = RollDirection.PREVIOUS
_ANCHOR_READERS: dict[str, Callable[[Anchors], date | None]] = {
    AnchorKind.SALE_CLOSED: lambda anchors: anchors.closed_on,
    AnchorKind.PROMISED_DELIVERY: lambda anchors: anchors.promised_delivery,
    AnchorKind.ACTUAL_DELIVERY: lambda anchors: anchors.actual_delivery,
    AnchorKind.DELIVERY: lambda anchors: anchors.delivery,
}


class Occurrence(NamedTuple):
    """One occurrence of a step: its number, the anchor it hangs on and its unrolled date."""

    # A NamedTuple, not a frozen dataclass: one is built per touchpoint in batch planning.
    number: int
    anchor_date: date
    raw_date: date


def ordered_steps(steps: Iterable[StepRule]) -> tuple[StepRule, ...]:
    """Steps in plan order, rejecting duplicate indices and a leading previous-step anchor."""
    ordered = tuple(steps)
    if any(a.index >= b.index for a, b in pairwise(ordered)):
        ordered = tuple(sorted(ordered, key=lambda step: step.index))
        indices = [step.index for step in ordered]
        if len(set(indices)) != len(indices):
            raise ValueError(f"Step indices must be unique, got {indices}")
    if ordered and ordered[0].anchor == AnchorKind.PREVIOUS_STEP:
        raise ValueError(f"Step {ordered[0].index} is first, so it has no previous step")
    return ordered


def anchor_date(step: StepRule, anchors: Anchors, previous_index: int | None) -> date | None:
    """The date ``step`` is measured from, or None while that event has not happened yet."""
    if step.anchor == _PREVIOUS_STEP:
        return None if previous_index is None else anchors.completed.get(previous_index)
    try:
        read = _ANCHOR_READERS[step.anchor]
    except KeyError:
        raise ValueError(f"Step {step.index}: anchor {step.anchor!r} has no single date") from None
    return read(anchors)


def occurrence_raw_date(step: StepRule, anchor: date, number: int, calendar: WorkCalendar) -> date:
    """The unrolled date of occurrence ``number`` (0 = first) of a step hung on ``anchor``."""
    if number == 0 or step.repeat_amount is None or step.repeat_unit is None:
        return apply_offset(anchor, step.offset_amount, step.offset_unit, calendar)
    repeat = number * step.repeat_amount
    if step.repeat_unit == step.offset_unit:
        # One combined offset keeps month ends from drifting (Jan 31 -> Feb 28 -> Mar 31).
        return apply_offset(anchor, step.offset_amount + repeat, step.offset_unit, calendar)
    first = apply_offset(anchor, step.offset_amount, step.offset_unit, calendar)
    return apply_offset(first, repeat, step.repeat_unit, calendar)


def upcoming_occurrences(
    step: StepRule, anchor: date, calendar: WorkCalendar, today: date, horizon: date | None
) -> list[Occurrence]:
    """Occurrences of a step that are still ahead: one-off steps always give their single one.

    A repeating step skips occurrences already past ``today`` (the cadence simply goes on),
    then gives the next one and every further one up to ``horizon``.
    """
    if step.repeat_amount is None:
        return [Occurrence(0, anchor, occurrence_raw_date(step, anchor, 0, calendar))]
    number = _first_candidate_number(step, anchor, today)
    raw = occurrence_raw_date(step, anchor, number, calendar)
    while raw < today:
        number += 1
        raw = occurrence_raw_date(step, anchor, number, calendar)
    occurrences = [Occurrence(number, anchor, raw)]
    while horizon is not None:
        number += 1
        raw = occurrence_raw_date(step, anchor, number, calendar)
        if raw > horizon:
            break
        occurrences.append(Occurrence(number, anchor, raw))
    return occurrences


def upcoming_birthdays(
    step: StepRule, birthday: MonthDay, calendar: WorkCalendar, today: date, horizon: date | None
) -> list[Occurrence]:
    """Yearly occurrences of a birthday step whose touchpoint is not in the past.

    A lead time that already lies behind ``today`` while the birthday is still ahead (a
    customer added three days before it) means as soon as possible: settle_birthday then
    keeps it before the birthday, or on it. A birthday already past means next year.
    """
    # Only a positive offset can carry last year's birthday into today or later.
    year = today.year - 1 if step.offset_amount > 0 else today.year
    occurrences: list[Occurrence] = []
    while True:
        celebrated = birthday_in_year(birthday, year)
        raw = apply_offset(celebrated, step.offset_amount, step.offset_unit, calendar)
        year += 1
        if raw < today:
            if celebrated < today:
                continue
            raw = today
        if occurrences and (horizon is None or raw > horizon):
            return occurrences
        occurrences.append(Occurrence(len(occurrences), celebrated, raw))


def settle(raw: date, anchor: date, step: StepRule, calendar: WorkCalendar, today: date) -> date:
    """Roll ``raw`` to a working day in the step's direction, never before its floor.

    The floor is ``today`` and, for a non-negative offset, the anchor: a "previous" roll
    that would cross the floor falls back to the next working day. A step timed after
    working hours is due the working day after.
    """
    floor = max(today, anchor) if step.offset_amount >= 0 else today
    if raw < floor:
        day = calendar.roll(floor, _NEXT)
    elif step.roll == _PREVIOUS and (earlier := calendar.roll(raw, _PREVIOUS)) >= floor:
        day = earlier
    else:
        day = calendar.roll(raw, _NEXT)
    if step.time_of_day is not None and calendar.after_hours(step.time_of_day):
        # Too late for its day: due at the next start of working hours (working_moment).
        return calendar.next_working_day(day)
    return day


def settle_birthday(
    raw: date, celebrated: date, step: StepRule, calendar: WorkCalendar, today: date
) -> date:
    """``settle`` for a greeting due ahead of a birthday: it never rolls past a birthday
    still ahead. With no working day left before it, the greeting is on the day."""
    day = settle(raw, celebrated, step, calendar, today)
    if step.offset_amount < 0 and today <= celebrated < day:
        return celebrated
    return day


def _first_candidate_number(step: StepRule, anchor: date, today: date) -> int:
    # Jump close to today for fixed-length repeats so old sales do not walk every occurrence.
    period = fixed_length_days(step.repeat_amount or 0, step.repeat_unit or step.offset_unit)
    offset = fixed_length_days(step.offset_amount, step.offset_unit)
    if not period or offset is None:
        return 0
    behind = (today - anchor).days - offset
    return max(0, behind // period - 1)
