"""Apply a plan's steps to one sale: dated touchpoints, waiting steps, or a reason for none.

``plan(steps, anchors, calendar, today, customer, *, busy_dates, min_gap_days, horizon)``
places steps in index order (earlier steps win a collision), rolls each to a working day,
keeps the customer gap against ``busy_dates`` (the customer's other planned touchpoints)
and against each other, and expands repeating and birthday steps up to ``horizon``.

Dates are never before ``today``: a one-off step already due is due today (rolled forward),
while a repeating step drops its missed occurrences and continues with the next one.
Occurrence numbers count from the step's first occurrence ever, so ``reanchor`` can
recompute an occurrence on its own. Birthday occurrences count from the next one due.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time

from app.scheduling.calendar import WorkCalendar
from app.scheduling.due_dates import (
    Occurrence,
    anchor_date,
    ordered_steps,
    settle,
    upcoming_birthdays,
    upcoming_occurrences,
)
from app.scheduling.gaps import place_with_gap
from app.scheduling.steps import Anchors, CustomerFacts, StepRule
from app.scheduling.vocabulary import DEFAULT_MIN_GAP_DAYS, AnchorKind, Channel, Kind

DO_NOT_CONTACT_REASON = "Customer asked not to be contacted, so no follow-ups were planned."
# A thank-you is a note, a letter or an e-mail; a call or a text is not one.
_THANK_YOU_CHANNELS = frozenset({Channel.LETTER, Channel.EMAIL})
_FALLBACK_CHANNEL = Channel.EMAIL
_BIRTHDAY = AnchorKind.BIRTHDAY


@dataclass(frozen=True)
class PlannedItem:
    """One touchpoint; ``due_date`` is None while it waits for ``waiting_for`` to happen."""

    step_index: int
    kind: str
    channel: Channel
    due_date: date | None
    time_of_day: time | None
    occurrence: int = 0
    anchor_date: date | None = None
    waiting_for: AnchorKind | None = None


@dataclass(frozen=True)
class PlanResult:
    """The planned items in step order, or none and the reason the agenda can show."""

    items: tuple[PlannedItem, ...]
    skipped_reason: str | None = None


def resolve_channel(step: StepRule, customer: CustomerFacts) -> Channel:
    """The step's fixed channel, else the customer's preferred one (e-mail if unknown)."""
    if step.channel is not None:
        return step.channel
    preferred = customer.preferred_channel or _FALLBACK_CHANNEL
    if step.kind == Kind.THANK_YOU and preferred not in _THANK_YOU_CHANNELS:
        return _FALLBACK_CHANNEL
    return preferred


def plan(
    steps: Sequence[StepRule],
    anchors: Anchors,
    calendar: WorkCalendar,
    today: date,
    customer: CustomerFacts,
    *,
    busy_dates: Iterable[date] = (),
    min_gap_days: int = DEFAULT_MIN_GAP_DAYS,
    horizon: date | None = None,
) -> PlanResult:
    """Plan every step of a plan for one sale; birthday steps vanish when no birthday is known."""
    if customer.do_not_contact:
        return PlanResult(items=(), skipped_reason=DO_NOT_CONTACT_REASON)
    taken = list(busy_dates)
    items: list[PlannedItem] = []
    previous_index: int | None = None
    for step in ordered_steps(steps):
        channel = resolve_channel(step, customer)
        occurrences = _occurrences(step, anchors, previous_index, calendar, today, horizon)
        previous_index = step.index
        if occurrences is None:
            waiting = PlannedItem(
                step_index=step.index,
                kind=step.kind,
                channel=channel,
                due_date=None,
                time_of_day=step.time_of_day,
                waiting_for=step.anchor,
            )
            items.append(waiting)
            continue
        for occurrence in occurrences:
            settled = settle(occurrence.raw_date, occurrence.anchor_date, step, calendar, today)
            due = place_with_gap(settled, taken, min_gap_days, calendar)
            taken.append(due)
            dated = PlannedItem(
                step_index=step.index,
                kind=step.kind,
                channel=channel,
                due_date=due,
                time_of_day=step.time_of_day,
                occurrence=occurrence.number,
                anchor_date=occurrence.anchor_date,
            )
            items.append(dated)
    return PlanResult(items=tuple(items))


def _occurrences(
    step: StepRule,
    anchors: Anchors,
    previous_index: int | None,
    calendar: WorkCalendar,
    today: date,
    horizon: date | None,
) -> list[Occurrence] | None:
    if step.anchor == _BIRTHDAY:
        if anchors.birthday is None:
            return []
        return upcoming_birthdays(step, anchors.birthday, calendar, today, horizon)
    anchor = anchor_date(step, anchors, previous_index)
    if anchor is None:
        return None
    return upcoming_occurrences(step, anchor, calendar, today, horizon)
