"""Insights DTOs: how well the salesperson follows up over a period, figure by figure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Preset(StrEnum):
    """The periods offered at a click; each ends today and is made of whole weeks."""

    FOUR_WEEKS = "4w"
    QUARTER = "quarter"
    YEAR = "year"


PRESET_WEEKS = {Preset.FOUR_WEEKS: 4, Preset.QUARTER: 13, Preset.YEAR: 52}
# Longer periods would be read, but no chart shows 500 weeks legibly.
MAX_PERIOD_DAYS = 3 * 366


@dataclass(frozen=True)
class Span:
    """A bucket of days (a week or a month) inside the period, both ends included."""

    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class FollowThroughWeek:
    """The follow-ups due in one week, by what became of them."""

    span: Span
    on_time: int  # done on or before the day due
    late: int  # done after it
    skipped: int
    overdue: int  # still not done, the day due has passed

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.skipped + self.overdue


@dataclass(frozen=True)
class FollowThrough:
    weeks: tuple[FollowThroughWeek, ...]
    # How many follow-ups were overdue as each week ended (the current week's: now).
    overdue_trend: tuple[int, ...]
    overdue_now: int

    @property
    def on_time_percent(self) -> float | None:
        """Done on time among those done."""
        done = sum(week.on_time + week.late for week in self.weeks)
        return None if not done else 100 * sum(week.on_time for week in self.weeks) / done


@dataclass(frozen=True)
class ForgottenCustomer:
    """A customer who has had no contact for longer than their cadence."""

    id: int
    name: str
    company: str
    is_key: bool
    cadence_days: int
    last_contact: dt.date | None  # None: never contacted since they were added
    days_silent: int


@dataclass(frozen=True)
class Forgotten:
    # How many customers had gone without contact for longer than their cadence as each
    # week ended (the current week's: today).
    trend: tuple[int, ...]
    as_of: dt.date
    count: int
    customers: tuple[ForgottenCustomer, ...]  # the longest overdue first; at most a page


@dataclass(frozen=True)
class PromiseMonth:
    span: Span
    kept: int
    broken: int
    recovered: int  # broken, but a recovery ran


@dataclass(frozen=True)
class PromiseAtRisk:
    id: int
    customer_id: int
    customer_name: str
    text: str
    due_on: dt.date
    marked: bool  # marked at risk (else: on track, but its buffer has run out)


@dataclass(frozen=True)
class Promises:
    months: tuple[PromiseMonth, ...]
    at_risk: tuple[PromiseAtRisk, ...]  # due soonest first; at most a page
    at_risk_count: int

    @property
    def kept(self) -> int:
        return sum(month.kept for month in self.months)

    @property
    def broken(self) -> int:
        return sum(month.broken for month in self.months)

    @property
    def recovered(self) -> int:
        return sum(month.recovered for month in self.months)

    @property
    def record_percent(self) -> float | None:
        """The delivery record: promises kept among those resolved in the period."""
        resolved = self.kept + self.broken + self.recovered
        return None if not resolved else 100 * self.kept / resolved


@dataclass(frozen=True)
class ResponseWeek:
    """Requests received in one week and how fast they were answered (working hours)."""

    span: Span
    received: int
    answered: int
    within_target: int
    median_hours: float | None
    p90_hours: float | None


@dataclass(frozen=True)
class Responsiveness:
    weeks: tuple[ResponseWeek, ...]
    target_hours: int
    received: int
    answered: int
    within_target: int
    waiting: int  # not answered yet
    median_hours: float | None
    p90_hours: float | None


@dataclass(frozen=True)
class RevenueShare:
    """Won sales in one currency (amounts in different currencies are never added up)."""

    currency: str
    key_minor: int
    total_minor: int
    sales: int

    @property
    def key_percent(self) -> float | None:
        return None if not self.total_minor else 100 * self.key_minor / self.total_minor


@dataclass(frozen=True)
class KeyShare:
    """Where the time goes: key customers' share of contacts against their share of revenue."""

    key_customers: int
    customers: int
    follow_ups_key: int
    follow_ups: int
    contacts_key: int
    contacts: int
    revenue_from: dt.date  # the last 12 months, or the period when it is longer
    revenue: tuple[RevenueShare, ...]  # the headline currency first
    # Key customers bring more of the revenue than they get of the contacts.
    short_changed: bool

    @property
    def follow_ups_percent(self) -> float | None:
        return None if not self.follow_ups else 100 * self.follow_ups_key / self.follow_ups

    @property
    def contacts_percent(self) -> float | None:
        return None if not self.contacts else 100 * self.contacts_key / self.contacts

    @property
    def customers_percent(self) -> float | None:
        return None if not self.customers else 100 * self.key_customers / self.customers


@dataclass(frozen=True)
class AfterSaleMonth:
    span: Span
    scores: tuple[int, int, int, int, int]  # how many 1s, 2s, ... 5s
    referral_asks: int
    referrals_given: int
    referrals_declined: int
    value_adds: int  # value-add follow-ups done
    items_sent: int  # library items sent

    @property
    def feedback_count(self) -> int:
        return sum(self.scores)

    @property
    def average_score(self) -> float | None:
        count = self.feedback_count
        return None if not count else sum(n * (i + 1) for i, n in enumerate(self.scores)) / count


@dataclass(frozen=True)
class AfterSale:
    months: tuple[AfterSaleMonth, ...]

    @property
    def scores(self) -> tuple[int, ...]:
        return tuple(sum(month.scores[i] for month in self.months) for i in range(5))

    @property
    def average_score(self) -> float | None:
        count = sum(self.scores)
        return None if not count else sum(n * (i + 1) for i, n in enumerate(self.scores)) / count

    def total(self, name: str) -> int:
        """The period's sum of one monthly count (referral_asks, items_sent, ...)."""
        return sum(int(getattr(month, name)) for month in self.months)


@dataclass(frozen=True)
class Insights:
    """Every figure of one period, read in one transaction."""

    start: dt.date
    end: dt.date
    today: dt.date
    weeks: tuple[Span, ...]
    months: tuple[Span, ...]
    follow_through: FollowThrough
    forgotten: Forgotten
    promises: Promises
    responsiveness: Responsiveness
    key_share: KeyShare
    after_sale: AfterSale
