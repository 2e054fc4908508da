"""What planning keep-in-touch takes, worked out once per refresh: the plan's two steps, the
calendar, and the days customers share (creation days, due instants, birthday greetings)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from app.plans.mapping import step_rule, step_to_dto
from app.rules.planning_context import CustomerLike, PlanningContext, facts_key
from app.rules.touchpoint_rows import due_instant
from app.scheduling.birthdays import MonthDay
from app.scheduling.calendar import WorkCalendar
from app.scheduling.offsets import fixed_length_days
from app.scheduling.planner import plan
from app.scheduling.steps import Anchors, CustomerFacts, StepRule
from models.plan import PlanStep


class FactsCache:
    """ctx.facts(customer) for many customers, built once per distinct set of the values
    it reads: a batch has thousands of customers but few such sets."""

    def __init__(self, ctx: PlanningContext) -> None:
        self._ctx = ctx
        self._known: dict[tuple[Any, ...], CustomerFacts] = {}

    def __call__(self, customer: CustomerLike) -> CustomerFacts:
        key = facts_key(customer)
        facts = self._known.get(key)
        if facts is None:
            facts = self._known[key] = self._ctx.facts(customer)
        return facts


class KitStep(NamedTuple):
    """The columns of a keep-in-touch step a refresh reads, read off the ORM object once."""

    id: int
    kind: str
    channel: str | None
    time_of_day: dt.time | None


def kit_step(step: PlanStep | None) -> KitStep | None:
    """The step's columns a refresh reads (None: the plan has no such step)."""
    return None if step is None else KitStep(step.id, step.kind, step.channel, step.time_of_day)


@dataclass
class KitRules:
    """The keep-in-touch plan's steps and what planning them takes, fixed for one refresh."""

    ctx: PlanningContext
    check_in: PlanStep | None
    birthday: PlanStep | None
    calendar: WorkCalendar = field(init=False)
    # The birthday step as planned for a card by post (with its lead time) and for any
    # other channel (on the day: "Happy birthday!" by e-mail five days early reads wrong).
    _birthday_rules: dict[bool, StepRule] = field(init=False, default_factory=dict)
    _birthdays: dict[tuple[dt.date, int, int, bool], dt.date | None] = field(
        init=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        ctx = self.ctx
        self.calendar = ctx.calendar
        if self.birthday is not None:
            by_post = step_rule(step_to_dto(self.birthday))
            on_the_day = replace(by_post, offset_amount=0) if by_post.offset_amount < 0 else by_post
            self._birthday_rules = {True: by_post, False: on_the_day}
        # Everything below is read once per customer: looked up here once instead.
        self.check_in_step = kit_step(self.check_in)
        self.birthday_step = kit_step(self.birthday)
        self.today, self.zone = ctx.today, ctx.zone
        prefs = ctx.prefs
        self.min_gap_days = prefs.min_gap_days
        self.cadence_days = prefs.default_cadence_days, prefs.key_cadence_days
        self.facts = FactsCache(ctx)
        self._local_days: dict[dt.datetime, dt.date] = {}
        self._instants: dict[tuple[dt.date, dt.time | None], dt.datetime | None] = {}
        # Check-in days by (day owed, busy days): customers imported together share them.
        self.check_in_days: dict[tuple[dt.date, tuple[dt.date, ...]], dt.date] = {}

    def local_day(self, moment: dt.datetime) -> dt.date:
        """The day `moment` falls on in the user's zone (customers share creation times)."""
        day = self._local_days.get(moment)
        if day is None:
            day = self._local_days[moment] = moment.astimezone(self.zone).date()
        return day

    def instant(self, day: dt.date, time_of_day: dt.time | None) -> dt.datetime | None:
        """due_instant(day, time_of_day, zone), worked out once per day and time; the time
        inside working hours (the day already moved on for a step timed after them)."""
        key = (day, time_of_day)
        if key not in self._instants:
            at = self.calendar.working_time(time_of_day)
            self._instants[key] = due_instant(day, at, self.zone)
        return self._instants[key]

    def lead_days(self, by_post: bool) -> int:
        """How many days ahead of the birthday its greeting is due (0: on it or after)."""
        return lead_days_before(self._birthday_rules.get(by_post))

    def birthday_day(self, today: dt.date, month: int, day: int, by_post: bool) -> dt.date | None:
        """The day of the next greeting for a birthday, as of `today`; the step's lead time
        only for a card `by_post` (the letter channel), else on the birthday itself.

        A birthday card is tied to its day: it does not yield to the gap rule. So the day
        depends on nothing else about the customer (not contacting them is decided before),
        and is worked out once per birthday and channel kind.
        """
        key = (today, month, day, by_post)
        if key not in self._birthdays:
            result = plan(
                [self._birthday_rules[by_post]],
                Anchors(closed_on=today, birthday=MonthDay(month, day)),
                self.calendar,
                today,
                CustomerFacts(),
                min_gap_days=0,
            )
            dated = [item.due_date for item in result.items if item.due_date is not None]
            self._birthdays[key] = dated[0] if dated else None
        return self._birthdays[key]


def lead_days_before(rule: StepRule | None) -> int:
    """How many days ahead of the birthday its greeting is due (0: on it or after)."""
    if rule is None or rule.offset_amount >= 0:
        return 0
    days = fixed_length_days(-rule.offset_amount, rule.offset_unit)
    return 31 * -rule.offset_amount if days is None else days
