"""Apply a plan's steps to one sale: dated touchpoints, waiting steps, or a reason for none.

``plan(steps, anchors, calendar, today, customer, *, busy_dates, min_gap_days, horizon)``
places steps in index order (earlier steps win a collision), rolls each to a working day,
keeps the customer gap against ``busy_dates`` (the customer's other planned touchpoints)
and against each other, and expands repeating and birthday steps up to ``horizon``.

Dates are never before ``today``: a one-off step already due is due today (rolled forward),
while a repeating step drops its missed occurrences and continues with the next one.
Occurrence numbers count from the step's first occurrence ever, so ``reanchor`` can
recompute an occurrence on its own. Birthday occurrences count from the next one due.

``SalePlanner`` gives the same results for many sales of one plan: the dates that depend only
on the steps and the anchors are worked out once per distinct set of anchors.
"""

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import NamedTuple

from app.dto.vocabulary import DEFAULT_MIN_GAP_DAYS, AnchorKind, Channel, Kind
from app.i18n import N_
from app.scheduling.calendar import WorkCalendar
from app.scheduling.due_dates import (
    Occurrence,
    anchor_date,
    ordered_steps,
    settle,
    settle_birthday,
    upcoming_birthdays,
    upcoming_occurrences,
)
from app.scheduling.gaps import near_days, place_with_gap
from app.scheduling.steps import Anchors, CustomerFacts, StepRule

# Marked for extraction; the faces translate it where they show a skipped plan.
DO_NOT_CONTACT_REASON = N_("Customer asked not to be contacted, so no follow-ups were planned.")
# A thank-you is a note, a letter or an e-mail; a call or a text is not one.
_THANK_YOU_CHANNELS = frozenset({Channel.LETTER, Channel.EMAIL})
_FALLBACK_CHANNEL = Channel.EMAIL
_BIRTHDAY = AnchorKind.BIRTHDAY


class PlannedItem(NamedTuple):
    """One touchpoint; ``due_date`` is None while it waits for ``waiting_for`` to happen."""

    # A NamedTuple, not a frozen dataclass: one is built per planned touchpoint, and a
    # frozen dataclass took twice as long to build.
    step_index: int
    kind: str
    channel: Channel
    due_date: date | None
    time_of_day: time | None
    occurrence: int = 0
    anchor_date: date | None = None
    waiting_for: AnchorKind | None = None


class _Settled(NamedTuple):
    """A step's occurrences rolled to working days, before the gap rule; None: waiting."""

    step: StepRule
    occurrences: tuple[tuple[Occurrence, date], ...] | None


@dataclass(frozen=True)
class PlanResult:
    """The planned items in step order, or none and the reason the agenda can show."""

    items: tuple[PlannedItem, ...]
    skipped_reason: str | None = None


# A do-not-contact customer's result; no busy date changes it.
_BLOCKED = PlanResult(items=(), skipped_reason=DO_NOT_CONTACT_REASON), frozenset[date]()


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
    settled = _settle_steps(steps, anchors, calendar, today, horizon)
    return _place(settled, customer, busy_dates, min_gap_days, calendar)


class SalePlanner:
    """``plan`` for many sales of one plan with the same calendar, today and horizon."""

    def __init__(
        self,
        steps: Sequence[StepRule],
        calendar: WorkCalendar,
        today: date,
        *,
        min_gap_days: int = DEFAULT_MIN_GAP_DAYS,
        horizon: date | None = None,
    ) -> None:
        self._steps = tuple(steps)
        self._calendar = calendar
        self._today = today
        self._min_gap_days = min_gap_days
        self._horizon = horizon
        # Sales of a batch share a handful of anchor dates and customer facts: settle each
        # set of anchors once, and place it once for a customer with nothing else planned.
        self._settled: dict[Hashable, tuple[_Settled, ...]] = {}
        # With each such result, the dates a busy date must avoid to leave it unchanged.
        self._alone: dict[tuple[Hashable, CustomerFacts], tuple[PlanResult, frozenset[date]]] = {}

    def plan(
        self, anchors: Anchors, customer: CustomerFacts, *, busy_dates: Iterable[date] = ()
    ) -> PlanResult:
        """What ``plan(steps, anchors, calendar, today, customer, ...)`` gives."""
        alone, near = self.alone(anchors, customer)
        busy = list(busy_dates)
        if near.isdisjoint(busy):
            return alone
        settled = self._settle(anchors, _anchors_key(anchors))
        return _place(settled, customer, busy, self._min_gap_days, self._calendar)

    def alone(
        self, anchors: Anchors, customer: CustomerFacts
    ) -> tuple[PlanResult, frozenset[date]]:
        """What ``plan`` gives with no busy dates, and the dates a busy date must avoid for
        ``plan`` to give that same result object: busy dates elsewhere would not move it.

        Each item moves only past earlier items, so when no busy date comes near any item,
        none would have moved it. One set lookup per busy date replaces a gap check per
        item and busy date.
        """
        if customer.do_not_contact:
            return _BLOCKED
        key = _anchors_key(anchors)
        entry = self._alone.get((key, customer))
        if entry is None:
            settled = self._settle(anchors, key)
            alone = _place(settled, customer, (), self._min_gap_days, self._calendar)
            near = near_days((item.due_date for item in alone.items), self._min_gap_days)
            entry = self._alone[key, customer] = alone, near
        return entry

    def _settle(self, anchors: Anchors, key: Hashable) -> tuple[_Settled, ...]:
        settled = self._settled.get(key)
        if settled is None:
            settled = _settle_steps(
                self._steps, anchors, self._calendar, self._today, self._horizon
            )
            self._settled[key] = settled
        return settled


def _anchors_key(anchors: Anchors) -> Hashable:
    # Anchors holds a dict (completed steps), so it is not hashable itself.
    return (
        anchors.closed_on,
        anchors.promised_delivery,
        anchors.actual_delivery,
        anchors.birthday,
        tuple(sorted(anchors.completed.items())),
    )


def _settle_steps(
    steps: Sequence[StepRule],
    anchors: Anchors,
    calendar: WorkCalendar,
    today: date,
    horizon: date | None,
) -> tuple[_Settled, ...]:
    """Each step's occurrences on working days; the part of planning no customer changes."""
    settled = []
    previous_index: int | None = None
    for step in ordered_steps(steps):
        occurrences = _occurrences(step, anchors, previous_index, calendar, today, horizon)
        previous_index = step.index
        dated = None
        if occurrences is not None:
            settling = settle_birthday if step.anchor == _BIRTHDAY else settle
            dated = tuple(
                (item, settling(item.raw_date, item.anchor_date, step, calendar, today))
                for item in occurrences
            )
        settled.append(_Settled(step, dated))
    return tuple(settled)


def _place(
    settled: Sequence[_Settled],
    customer: CustomerFacts,
    busy_dates: Iterable[date],
    min_gap_days: int,
    calendar: WorkCalendar,
) -> PlanResult:
    """Settled occurrences in step order, each moved later until it keeps the customer gap."""
    taken = list(busy_dates)
    items: list[PlannedItem] = []
    for step, occurrences in settled:
        channel = resolve_channel(step, customer)
        # Inside working hours; settling already moved the day of one timed after them.
        at = calendar.working_time(step.time_of_day)
        if occurrences is None:
            waiting = PlannedItem(step.index, step.kind, channel, None, at, waiting_for=step.anchor)
            items.append(waiting)
            continue
        for occurrence, day in occurrences:
            due = place_with_gap(day, taken, min_gap_days, calendar)
            taken.append(due)
            # Positional: this runs per touchpoint, and keywords cost noticeably more.
            items.append(
                PlannedItem(
                    step.index,
                    step.kind,
                    channel,
                    due,
                    at,
                    occurrence.number,
                    occurrence.anchor_date,
                )
            )
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
